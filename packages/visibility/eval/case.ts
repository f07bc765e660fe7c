/** One labelled answer of the evaluation set. */
export interface EvalCase {
  id: string;
  /** Key into BRAND_SETS. */
  set: string;
  text: string;
  annotations?: { url: string; title?: string }[];
  /** Gold mention count per brand id; brands left out have none. */
  mentions: Record<string, number>;
  /** Gold rank per mentioned brand. */
  ranks: Record<string, number>;
}
