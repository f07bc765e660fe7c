export type JsonObject = Record<string, unknown>;

export interface JsonLdEntity {
  /** schema.org type names without prefix (`Article`, `FAQPage`). */
  types: string[];
  data: JsonObject;
}

export interface JsonLdParse {
  blocks: number;
  errors: { block: number; message: string }[];
  /** Top-level entities: the roots of each block and the members of `@graph`. */
  entities: JsonLdEntity[];
}

const MAX_ENTITIES = 500;

function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function typesOf(value: unknown): string[] {
  if (!isObject(value)) return [];
  const raw = value['@type'];
  const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  return list
    .filter((t): t is string => typeof t === 'string')
    .map((t) => t.replace(/^(?:https?:\/\/schema\.org\/|schema:)/i, '').trim());
}

/** JSON-LD as CMSes emit it, sometimes wrapped in HTML comments or CDATA markers. */
function unwrap(source: string): string {
  return source
    .trim()
    .replace(/^<!--|-->$/g, '')
    .replace(/^\s*(?:\/\/\s*)?<!\[CDATA\[|(?:\/\/\s*)?\]\]>\s*$/g, '')
    .trim();
}

export function parseJsonLd(blocks: string[]): JsonLdParse {
  const result: JsonLdParse = { blocks: blocks.length, errors: [], entities: [] };
  blocks.forEach((source, block) => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(unwrap(source));
    } catch (error) {
      result.errors.push({ block, message: (error as Error).message });
      return;
    }
    const roots = Array.isArray(parsed) ? parsed : [parsed];
    for (const root of roots) {
      if (!isObject(root)) continue;
      const graph = Array.isArray(root['@graph']) ? root['@graph'] : [];
      for (const node of [root, ...graph]) {
        if (result.entities.length >= MAX_ENTITIES) return;
        const types = typesOf(node);
        if (isObject(node) && types.length) result.entities.push({ types, data: node });
      }
    }
  });
  return result;
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
}

/** A property counts as present when it has a non-blank value. */
export function present(value: unknown): boolean {
  if (typeof value === 'string') return value.trim().length > 0;
  if (Array.isArray(value)) return value.some(present);
  return isObject(value) || typeof value === 'number' || typeof value === 'boolean';
}

export function textOf(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (isObject(value) && typeof value.name === 'string') return value.name;
  if (isObject(value) && typeof value.text === 'string') return value.text;
  return null;
}

/** Questions of an FAQPage that lack a name or an accepted answer with text. */
function faqProblems(data: JsonObject): string[] {
  const questions = asArray(data.mainEntity);
  if (questions.length === 0) return ['mainEntity'];
  const problems: string[] = [];
  questions.forEach((q, k) => {
    if (!typesOf(q).includes('Question')) problems.push(`mainEntity[${k}].@type=Question`);
    else if (!present((q as JsonObject).name)) problems.push(`mainEntity[${k}].name`);
    const answer = asArray((q as JsonObject)?.acceptedAnswer)[0];
    if (!isObject(answer) || !present(answer.text)) problems.push(`mainEntity[${k}].acceptedAnswer.text`);
  });
  return problems;
}

const ARTICLE = ['Article', 'NewsArticle', 'BlogPosting', 'TechArticle', 'ScholarlyArticle', 'Report'];
const ORGANIZATION = [
  'Organization',
  'Corporation',
  'LocalBusiness',
  'OnlineStore',
  'NGO',
  'EducationalOrganization',
];

/** Required properties per schema.org type this check knows; unknown types are not judged. */
export function missingProperties(entity: JsonLdEntity): { type: string; missing: string[] } | null {
  const has = (...keys: string[]) => keys.filter((k) => !present(entity.data[k]));
  const type = entity.types.find((t) =>
    [...ARTICLE, ...ORGANIZATION, 'Product', 'FAQPage', 'BreadcrumbList'].includes(t),
  );
  if (!type) return null;
  if (ARTICLE.includes(type)) return { type, missing: has('headline', 'datePublished', 'author') };
  if (ORGANIZATION.includes(type)) return { type, missing: has('name', 'url') };
  if (type === 'Product') return { type, missing: has('name') };
  if (type === 'FAQPage') return { type, missing: faqProblems(entity.data) };
  return { type, missing: asArray(entity.data.itemListElement).length ? [] : ['itemListElement'] };
}

export const isArticle = (e: JsonLdEntity) => e.types.some((t) => ARTICLE.includes(t));
export const isOrganization = (e: JsonLdEntity) => e.types.some((t) => ORGANIZATION.includes(t));
