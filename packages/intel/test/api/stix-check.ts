/**
 * Structural checks of a STIX 2.1 bundle against the specification: identifier form, the common
 * and per-type required properties, timestamp format and order, and that every reference (source,
 * target, object, marking, creator) points to an object in the bundle, with relationship types from
 * the spec's vocabulary for the pair of object types. Returns the problems found.
 */
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}';
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

const REQUIRED: Record<string, string[]> = {
  'attack-pattern': ['name'],
  campaign: ['name'],
  identity: ['name'],
  indicator: ['pattern', 'pattern_type', 'valid_from'],
  'intrusion-set': ['name'],
  malware: ['is_family'],
  report: ['name', 'published', 'object_refs'],
  tool: ['name'],
  vulnerability: ['name'],
  relationship: ['relationship_type', 'source_ref', 'target_ref'],
  'marking-definition': [],
};

/** Allowed (source type, relationship type) -> target types, from the spec's SDO relationship tables. */
const RELATIONSHIPS: Record<string, string[]> = {
  'indicator indicates': [
    'attack-pattern',
    'campaign',
    'infrastructure',
    'intrusion-set',
    'malware',
    'threat-actor',
    'tool',
  ],
  'intrusion-set uses': ['attack-pattern', 'infrastructure', 'malware', 'tool'],
  'campaign uses': ['attack-pattern', 'infrastructure', 'malware', 'tool'],
  'threat-actor uses': ['attack-pattern', 'infrastructure', 'malware', 'tool'],
  'malware uses': ['attack-pattern', 'infrastructure', 'malware', 'tool'],
  'campaign attributed-to': ['intrusion-set', 'threat-actor'],
  'indicator based-on': ['observed-data'],
};
const COMMON_RELATIONSHIPS = ['derived-from', 'duplicate-of', 'related-to'];

type StixObject = Record<string, unknown> & { type: string; id: string };

export function stixProblems(bundle: {
  type?: unknown;
  id?: unknown;
  objects?: unknown;
  spec_version?: unknown;
}): string[] {
  const problems: string[] = [];
  if (bundle.type !== 'bundle') problems.push('bundle: type must be "bundle"');
  if (typeof bundle.id !== 'string' || !new RegExp(`^bundle--${UUID}$`).test(bundle.id))
    problems.push('bundle: bad id');
  if ('spec_version' in bundle) problems.push('bundle: spec_version is not a bundle property in 2.1');
  if (!Array.isArray(bundle.objects)) return [...problems, 'bundle: objects must be an array'];
  const objects = bundle.objects as StixObject[];
  const byId = new Map<string, StixObject>();
  for (const o of objects) {
    if (byId.has(o.id)) problems.push(`${o.id}: duplicate id`);
    byId.set(o.id, o);
  }
  const ref = (o: StixObject, field: string, value: unknown) => {
    if (typeof value !== 'string' || !byId.has(value))
      problems.push(`${o.id}: ${field} ${String(value)} is not in the bundle`);
  };
  for (const o of objects) {
    const where = `${o.type} ${o.id}`;
    if (typeof o.type !== 'string' || !new RegExp(`^${o.type}--${UUID}$`).test(String(o.id)))
      problems.push(`${where}: id must be type--uuid`);
    if (!(o.type in REQUIRED)) problems.push(`${where}: unexpected object type`);
    if (o.spec_version !== '2.1') problems.push(`${where}: spec_version must be "2.1"`);
    if (typeof o.created !== 'string' || !TIMESTAMP.test(o.created))
      problems.push(`${where}: created must be a UTC timestamp`);
    if (o.type !== 'marking-definition') {
      if (typeof o.modified !== 'string' || !TIMESTAMP.test(o.modified))
        problems.push(`${where}: modified must be a UTC timestamp`);
      else if (Date.parse(o.modified) < Date.parse(String(o.created)))
        problems.push(`${where}: modified before created`);
    }
    for (const field of REQUIRED[o.type] ?? [])
      if (o[field] === undefined || o[field] === '') problems.push(`${where}: missing ${field}`);
    if (o.type === 'malware' && o.is_family === true && !o.name)
      problems.push(`${where}: a malware family needs a name`);
    if (
      o.confidence !== undefined &&
      !(Number.isInteger(o.confidence) && (o.confidence as number) >= 0 && (o.confidence as number) <= 100)
    )
      problems.push(`${where}: confidence must be an integer 0-100`);
    if (o.type === 'indicator') {
      if (!/^\[.+\]$/.test(String(o.pattern))) problems.push(`${where}: pattern is not a STIX pattern`);
      if (o.valid_until && Date.parse(String(o.valid_until)) <= Date.parse(String(o.valid_from)))
        problems.push(`${where}: valid_until must be after valid_from`);
    }
    if (o.type === 'report') {
      if (!Array.isArray(o.object_refs) || o.object_refs.length === 0)
        problems.push(`${where}: object_refs must not be empty`);
      else for (const r of o.object_refs) ref(o, 'object_refs', r);
      if (!TIMESTAMP.test(String(o.published))) problems.push(`${where}: published must be a UTC timestamp`);
    }
    if (o.created_by_ref !== undefined) ref(o, 'created_by_ref', o.created_by_ref);
    if (o.object_marking_refs !== undefined)
      for (const m of o.object_marking_refs as unknown[]) ref(o, 'object_marking_refs', m);
    for (const e of (o.external_references as { source_name?: unknown }[] | undefined) ?? [])
      if (typeof e.source_name !== 'string')
        problems.push(`${where}: external reference without source_name`);
    for (const k of (o.kill_chain_phases as
      | { kill_chain_name?: unknown; phase_name?: unknown }[]
      | undefined) ?? [])
      if (typeof k.kill_chain_name !== 'string' || typeof k.phase_name !== 'string')
        problems.push(`${where}: bad kill chain phase`);
    if (o.type === 'relationship') {
      ref(o, 'source_ref', o.source_ref);
      ref(o, 'target_ref', o.target_ref);
      const source = byId.get(String(o.source_ref));
      const target = byId.get(String(o.target_ref));
      if (source && target && !COMMON_RELATIONSHIPS.includes(String(o.relationship_type))) {
        const allowed = RELATIONSHIPS[`${source.type} ${o.relationship_type}`] ?? [];
        if (!allowed.includes(target.type))
          problems.push(
            `${where}: ${source.type} ${o.relationship_type} ${target.type} is not a relationship of the spec`,
          );
      }
    }
  }
  return problems;
}
