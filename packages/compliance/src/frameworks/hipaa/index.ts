import type { Framework } from '../types.ts';
import { administrativeSafeguards } from './administrative.ts';
import { documentationAndBreach } from './documentation-and-breach.ts';
import { physicalSafeguards, technicalSafeguards } from './physical-technical.ts';

/** HIPAA Security Rule (45 CFR 164 Subpart C) and Breach Notification Rule (Subpart D), in our own words. */
export const hipaa: Framework = {
  id: 'hipaa',
  name: 'HIPAA Security and Breach Notification Rules',
  version: '2013',
  source: 'builtin',
  controls: [
    ...administrativeSafeguards,
    ...physicalSafeguards,
    ...technicalSafeguards,
    ...documentationAndBreach,
  ],
};
