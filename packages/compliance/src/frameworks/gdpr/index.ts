import type { Framework } from '../types.ts';
import { obligations } from './obligations.ts';
import { principlesAndRights } from './principles-and-rights.ts';

/** The articles of the GDPR (Regulation (EU) 2016/679) a policy can be assessed against, in our own words. */
export const gdpr: Framework = {
  id: 'gdpr',
  name: 'General Data Protection Regulation',
  version: '2016/679',
  source: 'builtin',
  controls: [...principlesAndRights, ...obligations],
};
