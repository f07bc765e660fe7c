import type {
  AttackCampaign,
  AttackCatalog,
  AttackGroup,
  AttackMitigation,
  AttackRelationship,
  AttackRelationshipType,
  AttackSoftware,
  AttackTactic,
  AttackTechnique,
} from './types.ts';

export class AttackBundleError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AttackBundleError';
  }
}

interface StixObject {
  type?: unknown;
  id?: unknown;
  name?: unknown;
  description?: unknown;
  revoked?: unknown;
  x_mitre_deprecated?: unknown;
  external_references?: { source_name?: unknown; external_id?: unknown; url?: unknown }[];
  [key: string]: unknown;
}

const RELATIONSHIPS = new Set<AttackRelationshipType>([
  'uses',
  'subtechnique-of',
  'attributed-to',
  'mitigates',
]);
const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : [];
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

function attackReference(o: StixObject): { id: string; url?: string } | undefined {
  if (!Array.isArray(o.external_references)) return undefined;
  const ref = o.external_references.find(
    (r) =>
      r &&
      typeof r.source_name === 'string' &&
      r.source_name.startsWith('mitre') &&
      typeof r.external_id === 'string',
  );
  return ref
    ? { id: ref.external_id as string, url: typeof ref.url === 'string' ? ref.url : undefined }
    : undefined;
}

function readObjects(input: unknown): StixObject[] {
  let json = input;
  if (typeof input === 'string' || input instanceof Uint8Array) {
    const text = typeof input === 'string' ? input : new TextDecoder().decode(input);
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new AttackBundleError(`ATT&CK bundle is not valid JSON: ${(error as Error).message}`);
    }
  }
  if (!json || typeof json !== 'object' || Array.isArray(json)) {
    throw new AttackBundleError(
      'ATT&CK bundle must be a JSON object of the form {"type": "bundle", "objects": [...]}',
    );
  }
  const bundle = json as { type?: unknown; objects?: unknown };
  if (bundle.type !== 'bundle')
    throw new AttackBundleError(
      `expected a STIX bundle (type "bundle"), got type ${JSON.stringify(bundle.type ?? null)}`,
    );
  if (!Array.isArray(bundle.objects)) throw new AttackBundleError('STIX bundle has no "objects" array');
  return bundle.objects.filter((o): o is StixObject => !!o && typeof o === 'object');
}

/**
 * Reads a MITRE ATT&CK STIX 2.0/2.1 bundle (a JSON string, bytes or the parsed object) into a catalog
 * keyed by ATT&CK IDs. Revoked and deprecated objects, and relationships touching them, are left out.
 */
export function parseAttackBundle(input: unknown): AttackCatalog {
  const objects = readObjects(input);
  const catalog: AttackCatalog = {
    version: null,
    domain: null,
    techniques: [],
    tactics: [],
    groups: [],
    software: [],
    campaigns: [],
    mitigations: [],
    relationships: [],
  };
  const live = new Set<string>();
  const pending: StixObject[] = [];
  for (const o of objects) {
    if (o.type === 'x-mitre-collection') catalog.version = str(o.x_mitre_version) || null;
    if (o.type === 'relationship') {
      if (o.revoked !== true && o.x_mitre_deprecated !== true) pending.push(o);
      continue;
    }
    if (o.revoked === true || o.x_mitre_deprecated === true) continue;
    const ref = attackReference(o);
    if (o.type === 'x-mitre-matrix' && ref) catalog.domain = ref.id;
    if (!ref || typeof o.id !== 'string') continue;
    const base = {
      id: ref.id,
      stixId: o.id,
      name: str(o.name),
      description: str(o.description),
      url: ref.url,
    };
    switch (o.type) {
      case 'attack-pattern': {
        const sub = o.x_mitre_is_subtechnique === true || ref.id.includes('.');
        const phases = Array.isArray(o.kill_chain_phases)
          ? (o.kill_chain_phases as { kill_chain_name?: unknown; phase_name?: unknown }[])
          : [];
        const technique: AttackTechnique = {
          ...base,
          tactics: phases
            .filter((p) => str(p?.kill_chain_name).startsWith('mitre'))
            .map((p) => str(p.phase_name))
            .filter(Boolean),
          isSubtechnique: sub,
          parentId: sub ? ref.id.split('.')[0] : undefined,
          platforms: strings(o.x_mitre_platforms),
        };
        catalog.techniques.push(technique);
        break;
      }
      case 'x-mitre-tactic':
        catalog.tactics.push({ ...base, shortname: str(o.x_mitre_shortname) } satisfies AttackTactic);
        break;
      case 'intrusion-set':
        catalog.groups.push({ ...base, aliases: strings(o.aliases) } satisfies AttackGroup);
        break;
      case 'malware':
      case 'tool':
        catalog.software.push({
          ...base,
          kind: o.type,
          aliases: strings(o.x_mitre_aliases),
          platforms: strings(o.x_mitre_platforms),
        } satisfies AttackSoftware);
        break;
      case 'campaign':
        catalog.campaigns.push({
          ...base,
          aliases: strings(o.aliases),
          firstSeen: str(o.first_seen) || undefined,
          lastSeen: str(o.last_seen) || undefined,
        } satisfies AttackCampaign);
        break;
      case 'course-of-action':
        catalog.mitigations.push(base satisfies AttackMitigation);
        break;
      default:
        continue;
    }
    live.add(o.id);
  }
  for (const r of pending) {
    const type = r.relationship_type as AttackRelationshipType;
    const source = str(r.source_ref);
    const target = str(r.target_ref);
    if (RELATIONSHIPS.has(type) && live.has(source) && live.has(target)) {
      catalog.relationships.push({ type, source, target } satisfies AttackRelationship);
    }
  }
  if (
    catalog.techniques.length + catalog.groups.length + catalog.software.length + catalog.tactics.length ===
    0
  ) {
    throw new AttackBundleError('STIX bundle holds no ATT&CK techniques, tactics, groups or software');
  }
  return catalog;
}
