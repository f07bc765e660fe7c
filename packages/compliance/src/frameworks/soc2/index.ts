import type { Framework } from '../types.ts';
import { additionalCriteria } from './additional-criteria.ts';
import { governanceCriteria } from './governance-criteria.ts';
import { privacyCriteria } from './privacy-criteria.ts';
import { securityCriteria } from './security-criteria.ts';

/** SOC 2 Trust Services Criteria (2017), summarized in our own words. */
export const soc2: Framework = {
  id: 'soc2',
  name: 'SOC 2 Trust Services Criteria',
  version: '2017',
  source: 'builtin',
  controls: [...governanceCriteria, ...securityCriteria, ...additionalCriteria, ...privacyCriteria],
};
