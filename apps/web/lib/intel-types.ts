/** Shapes of the intel API's responses the web app reads (mirrors packages/intel contracts). */
export type Tlp = 'clear' | 'green' | 'amber' | 'amber+strict' | 'red';
export type ReportStatus = 'awaiting_upload' | 'processing' | 'review' | 'completed' | 'failed';
export type ItemKind = 'indicator' | 'actor' | 'technique' | 'tactic' | 'software' | 'campaign';
export type ItemStatus = 'pending' | 'accepted' | 'edited' | 'rejected';
export type IndicatorType =
  | 'ipv4'
  | 'ipv6'
  | 'domain'
  | 'url'
  | 'email'
  | 'md5'
  | 'sha1'
  | 'sha256'
  | 'sha512'
  | 'cve'
  | 'attack_technique'
  | 'attack_tactic'
  | 'bitcoin'
  | 'file'
  | 'registry_key'
  | 'mutex'
  | 'yara';

export interface Report {
  id: string;
  project_id: string | null;
  source: 'text' | 'url' | 'upload' | 'feed';
  title: string;
  source_url: string | null;
  filename: string | null;
  format: string | null;
  status: ReportStatus;
  error: string | null;
  tlp: Tlp;
  method: string | null;
  stats: Record<string, number> | null;
  job_id: string | null;
  created_at: string;
  processed_at: string | null;
}

export interface Occurrence {
  start: number;
  end: number;
}

export interface ReviewItem {
  id: string;
  kind: ItemKind;
  type: string;
  value: string;
  name: string | null;
  attack_id: string | null;
  confidence: number;
  warnings: string[];
  defanged: boolean;
  sentence: string;
  occurrences: Occurrence[];
  status: ItemStatus;
  edited_value: string | null;
  merged_id: string | null;
  decided_at: string | null;
}

export interface ReportText {
  title: string;
  text: string;
}

export interface ReviewResult {
  report: Report;
  accepted: number;
  rejected: number;
  pending: number;
  indicators_created: number;
}

export interface Decision {
  item_id: string;
  action: 'accept' | 'reject' | 'edit';
  value?: string;
  type?: IndicatorType;
}

/** A report (and its sentence) an indicator, actor or relationship was accepted from. */
export interface Source {
  report_id: string;
  report_title: string;
  sentence: string;
  linked_at: string;
}

export interface Relationship {
  id: string;
  type: string;
  direction: 'outgoing' | 'incoming';
  other: { type: string; ref: string; name: string };
  confidence: number;
  sightings: number;
  first_seen: string;
  last_seen: string;
  evidence: { report_id: string; sentence: string }[];
}

export interface Indicator {
  id: string;
  type: IndicatorType;
  value: string;
  confidence: number;
  tlp: Tlp;
  warnings: string[];
  first_seen: string;
  last_seen: string;
  expires_at: string | null;
  sightings: number;
  created_at: string;
}

export interface Provenance {
  sources: Source[];
  relationships: Relationship[];
}

export type IndicatorDetail = Indicator & Provenance;

export interface Actor {
  id: string;
  name: string;
  aliases: string[];
  attack_id: string | null;
  description: string;
  confidence: number;
  tlp: Tlp;
  first_seen: string;
  last_seen: string;
  sightings: number;
  created_at: string;
}

export type ActorDetail = Actor & Provenance;

export interface Technique {
  id: string;
  name: string;
  tactics: string[];
  is_subtechnique: boolean;
  parent_id: string | null;
  url: string | null;
  /** In the imported ATT&CK catalogue (false: recognised by its id's shape only). */
  known: boolean;
  report_count: number;
  actor_count: number;
  last_seen: string | null;
}

export interface TechniqueDetail extends Technique {
  description: string;
  attack_groups: { id: string; name: string }[];
  relationships: Relationship[];
}

export interface AttackMatrix {
  version: string | null;
  tactics: { id: string; name: string; shortname: string; techniques: Technique[] }[];
  /** Seen techniques the catalogue does not know. */
  unplaced: Technique[];
}

export interface AttackVersion {
  id: string;
  domain: string;
  version: string;
  counts: Record<string, number>;
  imported_at: string;
}

export interface SearchResults {
  indicators: Indicator[];
  actors: Actor[];
  attack: { id: string; kind: string; name: string }[];
  reports: Report[];
}

export interface AttackTacticInfo {
  attack_id: string;
  shortname: string;
  name: string;
}

/** One technique as the heat map reads it. */
export interface AttackTechniqueInfo {
  attack_id: string;
  name: string;
  tactics: string[];
  parent_id: string | null;
  /** How many of the organization's reports mention it (its own mentions, without sub-techniques). */
  count: number;
}

export interface YaraProblem {
  message: string;
  line: number | null;
  column: number | null;
}

export interface YaraRuleSet {
  id: string;
  project_id: string;
  name: string;
  description: string;
  sha256: string;
  rule_count: number;
  rules: { name: string; tags: string[]; private: boolean; global: boolean }[];
  warnings: YaraProblem[];
  indicator_ids: string[];
  created_at: string;
  updated_at: string;
}

export interface YaraRuleSetDetail extends YaraRuleSet {
  source: string;
}

export interface YaraScanMatch {
  rule_set_id: string;
  rule_set: string;
  rule: string;
  namespace: string;
  tags: string[];
  meta: Record<string, unknown>;
  strings: { identifier: string; offset: number; length: number }[];
}

export interface YaraScan {
  id: string;
  project_id: string;
  filename: string;
  size_bytes: number;
  sha256: string;
  rule_set_ids: string[];
  status: 'queued' | 'completed' | 'failed';
  match_count: number | null;
  matches: YaraScanMatch[] | null;
  error: string | null;
  job_id: string | null;
  created_at: string;
  completed_at: string | null;
}

export interface IntelSettings {
  auto_accept_threshold: number | null;
  publisher_domains: string[];
  default_tlp: Tlp;
}

export type AgentKind = 'weekly_trend_report' | 'summarise_new_reports' | 'map_to_attack';

export interface Agent {
  id: string;
  project_id: string;
  name: string;
  kind: AgentKind;
  config: Record<string, unknown>;
  schedule: string | null;
  timezone: string;
  enabled: boolean;
  next_run_at: string | null;
  last_run_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface AgentRun {
  id: string;
  agent_id: string;
  trigger: 'manual' | 'schedule';
  status: 'queued' | 'running' | 'completed' | 'failed';
  progress: number;
  eta: string | null;
  job_id: string;
  method: 'llm' | 'baseline' | null;
  llm_calls: number;
  input_tokens: number;
  output_tokens: number;
  /** LLM cost of the run in millionths of a US dollar. */
  cost_micros: number;
  summary: Record<string, unknown> | null;
  error: string | null;
  period_start: string | null;
  period_end: string | null;
  artifact_ids: string[];
  created_at: string;
  completed_at: string | null;
}

export interface Artifact {
  id: string;
  project_id: string;
  agent_id: string | null;
  run_id: string | null;
  kind: string;
  title: string;
  filename: string;
  content_type: string;
  size_bytes: number;
  method: string | null;
  created_at: string;
}

export interface Feed {
  id: string;
  project_id: string;
  name: string;
  url: string;
  enabled: boolean;
  kind: 'rss' | 'atom' | 'stix' | null;
  last_fetched_at: string | null;
  last_status: 'ok' | 'error' | null;
  last_error: string | null;
  items_ingested: number;
  created_at: string;
  updated_at: string;
}

export interface FeedItem {
  id: string;
  key: string;
  title: string;
  link: string | null;
  published_at: string | null;
  report_id: string | null;
  created_at: string;
}
