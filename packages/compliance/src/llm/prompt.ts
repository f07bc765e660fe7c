import { z } from 'zod';
import type { Passage } from '../engine/passages.ts';
import type { Control } from '../frameworks/types.ts';

/** What the model must return; nullable rather than optional so strict JSON-schema providers accept it. */
export const llmFindingsSchema = z.object({
  findings: z.array(
    z.object({
      control_id: z.string(),
      status: z.enum(['met', 'partial', 'missing', 'not_applicable']),
      confidence: z.number().min(0).max(1),
      evidence: z.array(z.object({ passage: z.number().int(), quote: z.string() })),
      gaps: z.array(z.string()),
      recommendations: z.array(z.string()),
      rationale: z.string().nullable(),
    }),
  ),
});
export type LlmFindings = z.infer<typeof llmFindingsSchema>;

export const SYSTEM_PROMPT = [
  'You are a meticulous compliance auditor assessing a policy document against framework controls.',
  'You only see numbered passages retrieved from the document. Judge each control from them alone.',
  '"met": every requirement element is covered by a binding statement (must, shall, will, is required to, present-tense commitments).',
  '"partial": some elements are covered, or the commitment is weak, hedged or limited in scope.',
  '"missing": nothing binding addresses the control. A heading or a list that only names a topic is not a commitment; a negated statement ("is not encrypted") counts against.',
  '"not_applicable": the document explicitly places the control\'s subject out of scope.',
  'Evidence: cite the passage number and copy a quote from that passage character for character; never paraphrase. Quotes that cannot be found in the passage are discarded.',
  'Gaps name what is missing; recommendations say what the policy should add. Be concise.',
].join('\n');

export function buildPrompt(controls: Control[], passages: Passage[]): string {
  const numbered = passages.map((p, i) => `[${i + 1}] ${p.text}`).join('\n');
  const list = controls
    .map((c) => {
      const elements = c.facets.map((f) => `  - the organization will ${f.description}`).join('\n');
      return `${c.id}: ${c.title}\n  ${c.summary}\n  Requirement elements:\n${elements}`;
    })
    .join('\n\n');
  return `Passages from the document:\n${numbered || '(no relevant passages were found)'}\n\nControls to assess (answer for every one, using its exact control_id):\n${list}`;
}
