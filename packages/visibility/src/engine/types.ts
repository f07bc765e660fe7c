/** A brand to look for in answers: the user's own (`owned`) or a competitor. */
export interface TrackedBrand {
  id: string;
  name: string;
  aliases?: string[];
  products?: string[];
  /** Domains the brand controls, e.g. `hubspot.com`; citations to them are classed as its own. */
  domains?: string[];
  owned?: boolean;
  /**
   * Forces the strict rules for names that are ordinary words (capitalisation and context required).
   * Left unset, it is inferred from an English word-frequency list.
   */
  ambiguous?: boolean;
}

/** Which of a brand's surface forms matched. */
export type MentionKind = 'name' | 'alias' | 'product' | 'domain';

/** The kind of Markdown block a mention sits in. */
export type BlockKind = 'heading' | 'numbered' | 'bullet' | 'table' | 'prose';

export interface Mention {
  /** Half-open `[start, end)` UTF-16 offsets into the original answer text. */
  span: [number, number];
  /** The text as written in the answer (without a possessive or plural ending). */
  text: string;
  /** The configured surface form it was matched against. */
  form: string;
  kind: MentionKind;
  /** True when matched by edit distance rather than exactly. */
  fuzzy: boolean;
  /** Damerau-Levenshtein distance to `form` (0 for exact matches, case and accents aside). */
  distance: number;
  /** A possessive or plural ending right after the name (`'s`, `s`), if any. */
  suffix: string;
  block: BlockKind;
}

export type RankMethod = 'numbered_list' | 'heading' | 'table' | 'bullet_list' | 'prose';

export interface RankInfo {
  /** 1-based position of the brand in the answer's recommendation order. */
  position: number;
  method: RankMethod;
  /** 0..1: how much the position reflects an explicit ordering by the model. */
  confidence: number;
}

export type SentimentLabel = 'positive' | 'neutral' | 'negative' | 'mixed';

export interface SentimentEvidence {
  span: [number, number];
  text: string;
  score: number;
}

export interface BrandSentiment {
  /** -1 (negative) .. 1 (positive). */
  score: number;
  label: SentimentLabel;
  /** `baseline` for the built-in lexicon scorer; other scorers name themselves. */
  method: string;
  positive_hits: number;
  negative_hits: number;
  evidence: SentimentEvidence[];
}

export interface BrandExtraction {
  brand_id: string;
  owned: boolean;
  mentioned: boolean;
  count: number;
  fuzzy_count: number;
  mentions: Mention[];
  rank: number | null;
  rank_method: RankMethod | null;
  rank_confidence: number | null;
  sentiment: BrandSentiment | null;
}

export type CitationClass = 'owned' | 'competitor' | 'third_party';
export type CitationSource = 'annotation' | 'markdown' | 'bare_url';

export interface Citation {
  /** Normalised URL: lower-case host, no fragment, no tracking parameters. */
  url: string;
  host: string;
  /** Registrable domain (eTLD+1), e.g. `bbc.co.uk`. */
  domain: string;
  title: string | null;
  sources: CitationSource[];
  class: CitationClass;
  /** The brand whose domain this is, for `owned` and `competitor`. */
  brand_id: string | null;
}

export interface CompetitorSuggestion {
  name: string;
  /** Occurrences of the name anywhere in the answer. */
  count: number;
  signals: ('list_item' | 'table_row' | 'versus')[];
}

export interface AnswerExtraction {
  brands: BrandExtraction[];
  citations: Citation[];
  suggestions: CompetitorSuggestion[];
}

export interface AnswerInput {
  text: string;
  /** Citations the provider returned alongside the answer (e.g. web-search annotations). */
  annotations?: { url: string; title?: string | null }[];
}
