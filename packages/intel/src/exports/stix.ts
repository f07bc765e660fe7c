import { uuidv5 } from '../knowledge/ids.ts';
import type { AttackRef, ExportModel } from './model.ts';

type StixObject = Record<string, unknown> & { type: string; id: string };

/** The STIX 2.1 predefined TLP marking definitions (spec section 7.2.1.4). */
const TLP_MARKINGS = {
  white: 'marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9',
  green: 'marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da',
  amber: 'marking-definition--f88d31f6-486f-44da-b317-01333bde0b82',
  red: 'marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed',
} as const;
// TLP 2.0 labels onto the STIX 2.1 (TLP 1.0) markings; amber+strict takes the stricter red.
const TLP_TO_STIX: Record<string, keyof typeof TLP_MARKINGS> = {
  clear: 'white',
  green: 'green',
  amber: 'amber',
  'amber+strict': 'red',
  red: 'red',
};

const quote = (v: string) => `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/** STIX patterning expression for an indicator; undefined for types STIX models as other objects. */
export function stixPattern(type: string, value: string): string | undefined {
  const v = quote(value);
  switch (type) {
    case 'ipv4':
      return `[ipv4-addr:value = ${v}]`;
    case 'ipv6':
      return `[ipv6-addr:value = ${v}]`;
    case 'domain':
      return `[domain-name:value = ${v}]`;
    case 'url':
      return `[url:value = ${v}]`;
    case 'email':
      return `[email-addr:value = ${v}]`;
    case 'md5':
      return `[file:hashes.MD5 = ${v}]`;
    case 'sha1':
      return `[file:hashes.'SHA-1' = ${v}]`;
    case 'sha256':
      return `[file:hashes.'SHA-256' = ${v}]`;
    case 'sha512':
      return `[file:hashes.'SHA-512' = ${v}]`;
    case 'file':
      return `[file:name = ${v}]`;
    case 'registry_key':
      return `[windows-registry-key:key = ${v}]`;
    case 'mutex':
      return `[mutex:name = ${v}]`;
    case 'bitcoin':
      return `[x-cryptocurrency-wallet:address = ${v}]`;
    default:
      return undefined;
  }
}

const time = (d: Date) => d.toISOString();

/**
 * The export as a STIX 2.1 bundle: an identity for the organization, TLP markings, `indicator`s
 * (with patterns), `vulnerability` for CVEs, `intrusion-set` for actors, `attack-pattern` /
 * `malware` / `tool` / `campaign` for ATT&CK objects (referencing ATT&CK by external id), `report`s
 * listing what they support, and `relationship`s of the spec's vocabulary (indicates, uses).
 * Ids are deterministic (`type--uuidv5`), so exporting twice yields the same ids.
 */
export function toStixBundle(m: ExportModel) {
  const objects: StixObject[] = [];
  const ids = new Map<string, string>();
  const identityId = `identity--${uuidv5(`stix-identity:${m.orgId}`)}`;
  const now = time(m.generatedAt);
  objects.push({
    type: 'identity',
    spec_version: '2.1',
    id: identityId,
    created: now,
    modified: now,
    name: m.organization || 'Assay organization',
    identity_class: 'organization',
  });
  const usedMarkings = new Set<keyof typeof TLP_MARKINGS>();
  const marking = (tlp: string) => {
    const key = TLP_TO_STIX[tlp] ?? 'amber';
    usedMarkings.add(key);
    return [TLP_MARKINGS[key]];
  };
  const common = (type: string, uuid: string, created: Date, modified: Date, tlp: string) => ({
    type,
    spec_version: '2.1',
    id: `${type}--${uuid}`,
    created: time(created),
    modified: time(modified < created ? created : modified),
    created_by_ref: identityId,
    object_marking_refs: marking(tlp),
  });

  for (const i of m.indicators) {
    if (i.type === 'cve') {
      const o = {
        ...common('vulnerability', i.id, i.createdAt, i.updatedAt, i.tlp),
        name: i.value,
        external_references: [{ source_name: 'cve', external_id: i.value }],
      };
      objects.push(o);
      ids.set(`indicator:${i.id}`, o.id);
      continue;
    }
    const pattern = stixPattern(i.type, i.value);
    if (!pattern) continue;
    const o = {
      ...common('indicator', i.id, i.createdAt, i.updatedAt, i.tlp),
      name: `${i.type}: ${i.value}`,
      indicator_types: ['malicious-activity'],
      pattern,
      pattern_type: 'stix',
      pattern_version: '2.1',
      valid_from: time(i.firstSeen),
      ...(i.expiresAt
        ? {
            valid_until: time(
              i.expiresAt > i.firstSeen ? i.expiresAt : new Date(i.firstSeen.getTime() + 1000),
            ),
          }
        : {}),
      confidence: i.confidence,
      ...(i.warnings.length ? { description: `Possible false positive: ${i.warnings.join('; ')}` } : {}),
    };
    objects.push(o);
    ids.set(`indicator:${i.id}`, o.id);
  }
  for (const a of m.actors) {
    const o = {
      ...common('intrusion-set', a.id, a.createdAt, a.updatedAt, a.tlp),
      name: a.name,
      ...(a.aliases.length ? { aliases: a.aliases } : {}),
      ...(a.description ? { description: a.description } : {}),
      first_seen: time(a.firstSeen),
      last_seen: time(a.lastSeen < a.firstSeen ? a.firstSeen : a.lastSeen),
      confidence: a.confidence,
      ...(a.attackId
        ? { external_references: [{ source_name: 'mitre-attack', external_id: a.attackId }] }
        : {}),
    };
    objects.push(o);
    ids.set(`actor:${a.id}`, o.id);
  }
  const attackType = (r: AttackRef) =>
    r.kind === 'technique'
      ? 'attack-pattern'
      : r.kind === 'software'
        ? (r.softwareKind ?? 'malware')
        : r.kind === 'campaign'
          ? 'campaign'
          : undefined;
  for (const r of m.attack) {
    const type = attackType(r);
    if (!type) continue;
    const uuid = uuidv5(`stix-attack:${m.orgId}:${r.id}`);
    const o: StixObject = {
      type,
      spec_version: '2.1',
      id: `${type}--${uuid}`,
      created: now,
      modified: now,
      created_by_ref: identityId,
      name: r.name,
      external_references: [
        { source_name: 'mitre-attack', external_id: r.id, ...(r.url ? { url: r.url } : {}) },
      ],
    };
    if (type === 'malware') o.is_family = true;
    if (type === 'attack-pattern' && r.tactics.length)
      o.kill_chain_phases = r.tactics.map((phase) => ({
        kill_chain_name: 'mitre-attack',
        phase_name: phase,
      }));
    objects.push(o);
    ids.set(`${r.kind}:${r.id}`, o.id);
  }
  for (const rel of m.relationships) {
    const source = ids.get(`${rel.sourceType}:${rel.sourceRef}`);
    const target = ids.get(`${rel.targetType}:${rel.targetRef}`);
    if (!source || !target) continue;
    // `indicates` needs an indicator as its source; a CVE exported as a vulnerability has none.
    if (rel.type === 'indicates' && !source.startsWith('indicator--')) continue;
    objects.push({
      type: 'relationship',
      spec_version: '2.1',
      id: `relationship--${rel.id}`,
      created: time(rel.createdAt),
      modified: time(rel.lastSeen < rel.createdAt ? rel.createdAt : rel.lastSeen),
      created_by_ref: identityId,
      relationship_type: rel.type,
      source_ref: source,
      target_ref: target,
      confidence: rel.confidence,
      object_marking_refs: marking('amber'),
    });
  }
  for (const r of m.reports) {
    const refs = [
      ...new Set(
        (m.reportObjects.get(r.id) ?? [])
          .map((x) => ids.get(`${x.type}:${x.ref}`))
          .filter((x): x is string => !!x),
      ),
    ];
    if (refs.length === 0) continue; // a STIX report must reference at least one object
    objects.push({
      ...common('report', r.id, r.createdAt, r.processedAt ?? r.createdAt, r.tlp),
      name: r.title,
      report_types: ['threat-report'],
      published: time(r.processedAt ?? r.createdAt),
      object_refs: refs,
      ...(r.sourceUrl ? { external_references: [{ source_name: 'source', url: r.sourceUrl }] } : {}),
    });
  }
  for (const key of usedMarkings) {
    objects.push({
      type: 'marking-definition',
      spec_version: '2.1',
      id: TLP_MARKINGS[key],
      created: '2017-01-20T00:00:00.000Z',
      definition_type: 'tlp',
      name: `TLP:${key.toUpperCase()}`,
      definition: { tlp: key },
    });
  }
  return { type: 'bundle', id: `bundle--${uuidv5(`bundle:${m.orgId}:${now}`)}`, objects };
}
