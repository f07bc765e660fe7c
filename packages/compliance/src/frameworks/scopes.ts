import type { ScopeKey } from './types.ts';

export interface ScopeDefinition {
  key: ScopeKey;
  /** Completes "The organization does not ...", e.g. "process personal data". */
  label: string;
  /** Synonyms in the facet term syntax (see `Facet.terms`). */
  terms: string[];
  /**
   * When true, a control is assessed unless the caller or the document rules the scope out. When false,
   * the control is only assessed if the caller says the scope applies or the document mentions it.
   */
  assumeApplies: boolean;
}

export const SCOPES: Record<ScopeKey, ScopeDefinition> = {
  'personal-data': {
    key: 'personal-data',
    label: 'process personal data',
    terms: ['personal data', 'personal information', 'personally identifiable information', 'pii'],
    assumeApplies: true,
  },
  'health-information': {
    key: 'health-information',
    label: 'handle protected health information',
    terms: [
      'health information',
      'protected health information',
      'phi',
      'ephi',
      'e-phi',
      'medical record*',
      'health data',
      'patient data',
      'patient information',
      'medical information',
      'health record*',
    ],
    assumeApplies: true,
  },
  'international-transfers': {
    key: 'international-transfers',
    label: 'transfer personal data outside the EEA',
    terms: [
      'outside the eea',
      'outside the european economic area',
      'outside the eu',
      'outside the european union',
      'third countr*',
      'international transfer*',
      'cross-border transfer*',
      'outside the uk',
    ],
    assumeApplies: true,
  },
  children: {
    key: 'children',
    label: 'offer services directly to children',
    terms: [
      'children',
      'child',
      'minors',
      'under the age of 16',
      'under the age of 13',
      'under 16',
      'under 13',
    ],
    assumeApplies: false,
  },
  'special-category-data': {
    key: 'special-category-data',
    label: 'process special categories of personal data',
    terms: [
      'special categor*',
      'sensitive personal data',
      'health data',
      'biometric*',
      'genetic data',
      'racial or ethnic origin',
      'religious beliefs',
      'sexual orientation',
      'political opinions',
      'trade union membership',
    ],
    assumeApplies: false,
  },
  'joint-controllers': {
    key: 'joint-controllers',
    label: 'act as a joint controller',
    terms: ['joint controller*', 'jointly determine*'],
    assumeApplies: false,
  },
  'health-care-clearinghouse': {
    key: 'health-care-clearinghouse',
    label: 'operate a health care clearinghouse',
    terms: ['clearinghouse*', 'clearing house*'],
    assumeApplies: false,
  },
};
