import { facetsFromStatement, wordFrequencies } from './oscal-facets.ts';
import type { OscalCatalog, OscalControl, OscalGroup, OscalParam, OscalPart } from './oscal-model.ts';
import { flattenPart } from './oscal-text.ts';
import type { Control, Framework, Severity } from './types.ts';

export class OscalImportError extends Error {
  /** Where in the JSON the problem is, e.g. `catalog.groups[2].controls[0]`. */
  readonly path: string;
  constructor(message: string, path = '') {
    super(path ? `${message} (at ${path})` : message);
    this.name = 'OscalImportError';
    this.path = path;
  }
}

export interface OscalImportOptions {
  /** Framework id; defaults to a slug of the catalog title. */
  id?: string;
  /** Import control enhancements ("AC-2(1)") as controls of their own (default true). */
  includeEnhancements?: boolean;
  /** Catalogs carry no severity; default 'medium'. */
  severity?: Severity | ((control: Control) => Severity);
}

const OTHER_MODELS: Record<string, string> = {
  profile: 'a profile (resolve it into a catalog first)',
  'component-definition': 'a component definition',
  'system-security-plan': 'a system security plan',
  'assessment-plan': 'an assessment plan',
  'assessment-results': 'assessment results',
  'plan-of-action-and-milestones': 'a plan of action and milestones',
  'mapping-collection': 'a mapping collection',
};

interface RawControl {
  control: OscalControl;
  family: string;
  parent?: string;
  path: string;
}

/** Builds a Framework from OSCAL 1.x catalog JSON (already parsed). */
export function parseOscalCatalog(json: unknown, options: OscalImportOptions = {}): Framework {
  const catalog = readCatalog(json);
  const raw: RawControl[] = [];
  const params = new Map<string, OscalParam>();
  collectParams(catalog.params, params);
  collectControls(catalog, 'catalog', '', raw, params, options.includeEnhancements ?? true);
  if (raw.length === 0) throw new OscalImportError('The catalog contains no controls', 'catalog');
  const statements = raw.map((r) => statementOf(r.control));
  const frequencies = wordFrequencies(
    statements.flatMap((s) => s?.parts?.filter((p) => p.name === 'item') ?? (s ? [s] : [])),
  );
  const id = options.id ?? slug(catalog.metadata.title);
  const controls = raw.map((r, i) => toControl(r, statements[i], id, params, frequencies, options));
  return {
    id,
    name: catalog.metadata.title,
    version: catalog.metadata.version ?? '1',
    source: 'oscal',
    controls,
  };
}

/** Parses OSCAL catalog JSON text, reporting malformed JSON clearly. */
export function parseOscalCatalogText(text: string, options: OscalImportOptions = {}): Framework {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new OscalImportError(`Not valid JSON: ${(error as Error).message}`);
  }
  return parseOscalCatalog(json, options);
}

function readCatalog(json: unknown): OscalCatalog {
  if (!isObject(json))
    throw new OscalImportError(
      `Expected a JSON object with a top-level "catalog", got ${Array.isArray(json) ? 'an array' : typeof json}`,
    );
  const other = Object.keys(json).find((k) => k in OTHER_MODELS);
  if (other) throw new OscalImportError(`This is ${OTHER_MODELS[other]}, not an OSCAL catalog`);
  const catalog = json.catalog;
  if (!isObject(catalog))
    throw new OscalImportError(
      `Not an OSCAL catalog: no top-level "catalog" object (found keys: ${Object.keys(json).join(', ') || 'none'})`,
    );
  const metadata = catalog.metadata;
  if (!isObject(metadata) || typeof metadata.title !== 'string' || !metadata.title.trim())
    throw new OscalImportError('The catalog has no metadata title', 'catalog.metadata.title');
  for (const key of ['groups', 'controls', 'params'] as const)
    if (catalog[key] !== undefined && !Array.isArray(catalog[key]))
      throw new OscalImportError(`"${key}" must be an array`, `catalog.${key}`);
  return catalog as unknown as OscalCatalog;
}

function collectControls(
  container: OscalCatalog | OscalGroup,
  path: string,
  family: string,
  out: RawControl[],
  params: Map<string, OscalParam>,
  enhancements: boolean,
): void {
  (container.groups ?? []).forEach((group, i) => {
    const at = `${path}.groups[${i}]`;
    if (!isObject(group) || typeof group.title !== 'string')
      throw new OscalImportError('A group needs a title', at);
    collectParams(group.params, params);
    collectControls(group, at, group.title, out, params, enhancements);
  });
  (container.controls ?? []).forEach((control, i) => {
    collectControl(control, `${path}.controls[${i}]`, family, undefined, out, params, enhancements);
  });
}

function collectControl(
  control: OscalControl,
  path: string,
  family: string,
  parent: string | undefined,
  out: RawControl[],
  params: Map<string, OscalParam>,
  enhancements: boolean,
): void {
  if (!isObject(control) || typeof control.id !== 'string' || typeof control.title !== 'string')
    throw new OscalImportError('A control needs a string "id" and "title"', path);
  if (control.props?.some((p) => p.name === 'status' && p.value === 'withdrawn')) return;
  collectParams(control.params, params);
  out.push({ control, family, parent, path });
  if (!enhancements) return;
  (control.controls ?? []).forEach((child, i) => {
    collectControl(child, `${path}.controls[${i}]`, family, displayId(control), out, params, enhancements);
  });
}

function collectParams(list: OscalParam[] | undefined, params: Map<string, OscalParam>): void {
  for (const param of list ?? [])
    if (isObject(param) && typeof param.id === 'string') params.set(param.id, param);
}

function statementOf(control: OscalControl): OscalPart | undefined {
  return control.parts?.find((p) => p.name === 'statement');
}

function toControl(
  raw: RawControl,
  statement: OscalPart | undefined,
  framework: string,
  params: ReadonlyMap<string, OscalParam>,
  frequencies: ReadonlyMap<string, number>,
  options: OscalImportOptions,
): Control {
  const { control } = raw;
  const summary = statement ? flattenPart(statement, params) : control.title;
  const guidance = control.parts?.find((p) => p.name === 'guidance');
  const facets = statement ? facetsFromStatement(statement, params, frequencies, control.title) : [];
  const result: Control = {
    id: displayId(control),
    framework,
    title: control.title,
    summary: summary || control.title,
    family: raw.family || undefined,
    facets: facets.length
      ? facets
      : [{ key: 'title', description: lowerTitle(control.title), terms: titleTerms(control.title) }],
    severity: 'medium',
    ...(raw.parent ? { parent: raw.parent } : {}),
    ...(guidance?.prose ? { guidance: flattenPart(guidance, params) } : {}),
  };
  result.severity =
    typeof options.severity === 'function' ? options.severity(result) : (options.severity ?? 'medium');
  return result;
}

/** "AC-2" / "AC-2(1)": the plain label if the catalog has one, else the id in upper case. */
function displayId(control: OscalControl): string {
  const labels = control.props?.filter((p) => p.name === 'label') ?? [];
  return (labels.find((p) => !p.class) ?? labels[0])?.value ?? control.id.toUpperCase();
}

function titleTerms(title: string): string[][] {
  const words = title.toLowerCase().match(/[a-z][a-z-]{3,}/g) ?? [title.toLowerCase()];
  return words.slice(0, 2).map((w) => [w]);
}

function lowerTitle(title: string): string {
  return `address ${title.toLowerCase()}`;
}

function slug(text: string): string {
  const full = text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  const cut = full.length > 60 ? full.slice(0, full.lastIndexOf('-', 60)) : full;
  return cut || 'oscal-catalog';
}

function isObject(value: unknown): value is Record<string, any> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
