export type Severity = 'low' | 'medium' | 'high' | 'critical';

/**
 * Facts about the organization that decide whether a control applies. A control with
 * `appliesWhen` is not applicable when the caller says the fact is false, or when the document
 * itself excludes it ("we do not process health information").
 */
export type ScopeKey =
  | 'personal-data'
  | 'health-information'
  | 'international-transfers'
  | 'children'
  | 'special-category-data'
  | 'joint-controllers'
  | 'health-care-clearinghouse';

/**
 * One element of a requirement that a document must commit to. Each entry of `terms` is a group of
 * synonyms; a sentence speaks to the facet when it contains one phrase of every group. Phrases are
 * matched on stemmed words; a trailing `*` matches any word starting with the prefix, a leading `=`
 * only the word exactly as written. A phrase starting with `!` names what the requirement forbids
 * ("!shared account*"): a sentence denying or prohibiting it speaks for the facet, one asserting it
 * against.
 */
export interface Facet {
  key: string;
  /** A verb phrase that completes "The organization will ...", used in gaps and recommendations. */
  description: string;
  terms: string[][];
  /** The requirement is itself a prohibition ("passwords must not be shared"), so negation is expected. */
  prohibition?: boolean;
}

export interface Control {
  id: string;
  framework: string;
  title: string;
  summary: string;
  family?: string;
  facets: Facet[];
  severity: Severity;
  appliesWhen?: ScopeKey;
  /** For OSCAL control enhancements: the id of the control they enhance. */
  parent?: string;
  guidance?: string;
}

export interface Framework {
  id: string;
  name: string;
  version: string;
  source: 'builtin' | 'oscal';
  controls: Control[];
}
