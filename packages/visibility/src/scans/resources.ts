/** RBAC resources of the scan side (viewers read, editors create and edit, admins delete). */
export const SCAN_RESOURCES = [
  'brands',
  'prompts',
  'model_sets',
  'scan_runs',
  'scan_schedules',
  'answers',
] as const;
