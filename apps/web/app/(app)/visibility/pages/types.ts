/** Knowledge pages as the API returns them (see packages/visibility/src/pages/contracts.ts). */
export interface HealthCheck {
  id: string;
  category: 'crawlability' | 'content' | 'structured_data' | 'llm_readiness';
  passed: boolean;
  applicable: boolean;
  weight: number;
  message: string;
}

export interface HealthReport {
  score: number;
  categories: Record<string, { score: number; passed: number; failed: number }>;
  checks: HealthCheck[];
}

export interface KnowledgeSource {
  id: string;
  url: string;
  status: 'pending' | 'fetched' | 'blocked' | 'failed';
  http_status: number | null;
  error: string | null;
  title: string | null;
  content_chars: number | null;
}

export interface KnowledgePage {
  id: string;
  project_id: string;
  slug: string;
  title: string;
  description: string;
  body_md: string;
  json_ld: Record<string, unknown>[];
  json_ld_mode: 'auto' | 'custom';
  page_type: 'WebPage' | 'Article';
  language: string;
  product: { name: string; description?: string } | null;
  status: 'DRAFT' | 'PUBLISHED';
  generation: 'queued' | 'running' | 'done' | 'failed';
  method: 'llm' | 'baseline' | 'manual';
  error: string | null;
  health_score: number | null;
  health?: HealthReport | null;
  url: string;
  markdown_url: string;
  sources?: KnowledgeSource[];
  published_at: string | null;
  updated_at: string;
}

/** What the editor sends: the form as it stands. */
export interface PageEdit {
  title: string;
  description: string;
  slug: string;
  body_md: string;
  page_type: 'WebPage' | 'Article';
  language: string;
  product: { name: string } | null;
  json_ld?: Record<string, unknown>[] | null;
}

export type LiveScore = HealthReport & {
  json_ld: Record<string, unknown>[];
  json_ld_errors: { field: string; message: string }[];
};
