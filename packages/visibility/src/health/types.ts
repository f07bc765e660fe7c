import type { JsonLdParse } from './jsonld.ts';
import type { PageFacts } from './page.ts';

export interface PageInput {
  url: string;
  status: number;
  /** Response headers; names are matched case-insensitively. */
  headers: Record<string, string | string[] | undefined>;
  html: string;
  /** The site's robots.txt; absent means the fetch found none, which allows every crawler. */
  robotsTxt?: string | null;
  /** The site's /llms.txt; absent means the fetch found none. */
  llmsTxt?: string | null;
  /** A Markdown version of the page (e.g. the page URL with `.md`), if one was found. */
  markdownTwin?: string | null;
  /** When the page was fetched: the reference time for freshness, so scores never depend on the clock. */
  fetchedAt: string | Date;
}

export type CheckCategory = 'crawlability' | 'content' | 'structured_data' | 'llm_readiness';

export interface HealthCheck {
  id: string;
  category: CheckCategory;
  passed: boolean;
  /** False when the check does not apply (no images to describe); it then does not count. */
  applicable: boolean;
  weight: number;
  message: string;
  details: Record<string, unknown>;
}

export interface HealthReport {
  /** 0-100: the weight of passed checks over the weight of applicable ones. */
  score: number;
  categories: Record<CheckCategory, { score: number; passed: number; failed: number }>;
  checks: HealthCheck[];
}

/** Everything a check may look at, parsed once. */
export interface PageContext {
  input: PageInput;
  url: URL | null;
  page: PageFacts;
  jsonLd: JsonLdParse;
  header(name: string): string | null;
  fetchedAt: Date;
}

export type CheckResult = Omit<HealthCheck, 'id' | 'category' | 'weight' | 'applicable'> & {
  applicable?: boolean;
};

export interface CheckDefinition {
  id: string;
  category: CheckCategory;
  weight: number;
  run(ctx: PageContext): CheckResult;
}
