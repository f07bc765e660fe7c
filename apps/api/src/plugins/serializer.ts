import fastJson from 'fast-json-stringify';
import type { FastifySchemaCompiler } from 'fastify';
import { serializerCompiler as zodSerializerCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';

type SerializerCompiler = Parameters<typeof zodSerializerCompiler>[0];

/** A response's JSON Schema as it leaves the API; undefined when zod has parts JSON Schema cannot state. */
function outputJsonSchema(schema: unknown): Record<string, unknown> | undefined {
  if (!(schema instanceof z.ZodType)) return undefined;
  try {
    const json = z.toJSONSchema(schema, { io: 'output', target: 'draft-7', unrepresentable: 'throw' });
    delete json.$schema;
    return json as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

/**
 * Responses are written by a serializer compiled from each route's response schema (fast-json-stringify,
 * what Fastify itself uses for JSON Schema routes): only the declared properties leave the API, as with
 * zod, and a missing required property is a 500, as with zod, at a fraction of the cost of validating
 * every response object by object (see bench/api.ts). A schema JSON Schema cannot state (a transform, a
 * codec) keeps zod's serializer.
 */
export const responseSerializerCompiler = ((route: SerializerCompiler) => {
  const json = outputJsonSchema(route.schema);
  if (json) {
    try {
      return fastJson(json as never);
    } catch {
      // A construct fast-json-stringify does not compile: zod serializes this route.
    }
  }
  return zodSerializerCompiler(route);
}) as unknown as FastifySchemaCompiler<unknown>;
