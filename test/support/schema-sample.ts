import { randomUUID } from 'node:crypto';

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  minimum?: number;
  minItems?: number;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  default?: unknown;
};

/**
 * A small valid value for a JSON Schema (as our OpenAPI document states it): every property filled,
 * enums' first member, formats honoured. Lets route-table tests call routes they were never told about.
 */
export function sampleFor(schema: JsonSchema | undefined, unique = ''): unknown {
  if (!schema) return undefined;
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  const variants = schema.anyOf ?? schema.oneOf ?? schema.allOf;
  if (variants) return sampleFor(variants.find((v) => v.type !== 'null') ?? variants[0], unique);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(schema.properties ?? {}))
        out[key] = sampleFor(schema.properties?.[key], unique);
      return out;
    }
    case 'array':
      return Array.from({ length: schema.minItems ?? 0 }, () => sampleFor(schema.items, unique));
    case 'string':
      return sampleString(schema, unique);
    case 'integer':
    case 'number':
      return Math.max(schema.minimum ?? 1, 1);
    case 'boolean':
      return true;
    default:
      return null;
  }
}

function sampleString(schema: JsonSchema, unique: string): string {
  switch (schema.format) {
    case 'email':
      return `sample${unique}@example.test`;
    case 'uuid':
      return randomUUID();
    case 'date-time':
      return new Date(Date.now() + 86_400_000).toISOString();
    case 'uri':
    case 'url':
      return 'https://example.test/';
  }
  if (schema.pattern === '^[a-z_.]+\\*?$') return 'sample';
  const base = `sample${unique}`;
  return base.length >= (schema.minLength ?? 0) ? base : base.padEnd(schema.minLength ?? 0, 'x');
}
