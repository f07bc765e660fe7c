/** Where an entity of the knowledge base has its page, or null when it has none. */
export function entityHref(type: string, ref: string): string | null {
  const id = encodeURIComponent(ref);
  switch (type) {
    case 'indicator':
      return `/intel/indicators/${id}`;
    case 'actor':
      return `/intel/actors/${id}`;
    case 'report':
      return `/intel/reports/${id}`;
    case 'technique':
      return `/intel/attack/${id}`;
    case 'yara_rule_set':
      return `/intel/yara/${id}`;
    default:
      return null;
  }
}

const TYPE_LABEL: Record<string, string> = {
  indicator: 'indicator',
  actor: 'threat actor',
  report: 'report',
  technique: 'technique',
  tactic: 'tactic',
  software: 'software',
  campaign: 'campaign',
  yara_rule_set: 'YARA rule set',
};

export const entityLabel = (type: string) => TYPE_LABEL[type] ?? type.replace(/_/g, ' ');

/** `uses` read from the far end's side: an actor uses a technique; the technique is used by the actor. */
export function relationPhrase(type: string, direction: 'outgoing' | 'incoming'): string {
  const words = type.replace(/-/g, ' ');
  if (direction === 'outgoing') return words;
  const passive: Record<string, string> = {
    uses: 'used by',
    indicates: 'indicated by',
    mentions: 'mentioned in',
    'attributed-to': 'attributed from',
    'defined-in': 'defines',
    targets: 'targeted by',
  };
  return passive[type] ?? `${words} (from)`;
}
