// Synonym groups shared by several frameworks, so one wording fix improves them all.
export const VENDOR =
  'vendor*|supplier*|third part*|subprocessor*|sub-processor*|service provider*|processor*';
export const PERIODIC =
  'annual*|quarter*|monthly|weekly|periodic*|yearly|regular*|at least once|every year|each year|every 12 months|every twelve months|semi-annual*|biannual*|twice a year|twice yearly|every six months|every month|every quarter|ongoing|continuous*';
export const TIMEFRAME = 'within|days|hours|sla*|timeline*|timeframe*|time frame*|promptly|timely|deadline*';
export const PERSONAL_DATA =
  'personal data|personal information|personally identifiable|pii|your data|your information|their data|their information|data about you|information about you|customer data';
export const BACKUP = 'backup*|back up|backed up|back-up*|snapshot*';
export const DELETE = 'delet*|dispos*|destr*|eras*|purg*|shred*|anonymi*|de-identif*|wip*|sanitiz*|sanitis*';
export const ENCRYPT = 'encrypt*|cryptograph*';
export const INCIDENT = 'incident*|breach*|compromis*|unauthori* access|unauthori* disclosure*';
export const NOTIFY = 'notif*|inform*|communicat*|tell*|alert*|report*';
export const POLICY_REVIEW = 'review*|updat*|revis*|reapprov*|re-approv*';
