import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import type { AiConfig } from './ai/providers.ts';
import { aiConfigFrom } from './ai-config.ts';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'expected true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');
/**
 * Which peers may say who the client is (X-Forwarded-For): true, false, or addresses, CIDR ranges and
 * the names loopback, linklocal, uniquelocal. Loopback by default: the web app calls the API from the
 * same host and forwards its visitor's address, so per-IP limits apply to visitors, not to the web app.
 */
const TRUST_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);
const trustProxy = z.string().transform((v, ctx): boolean | string[] => {
  const value = v.trim().toLowerCase();
  if (['true', '1', 'yes'].includes(value)) return true;
  if (['false', '0', 'no', ''].includes(value)) return false;
  const entries = value.split(',').map((s) => s.trim());
  for (const entry of entries) {
    if (!TRUST_NAMES.has(entry) && !/^[0-9a-f:.]+(\/\d{1,3})?$/.test(entry)) {
      ctx.addIssue({
        code: 'custom',
        message: 'expected true, false, or addresses and ranges such as loopback,10.0.0.0/8',
      });
      return z.NEVER;
    }
  }
  return entries;
});
const port = z.coerce
  .number({ message: 'expected a port number' })
  .int('expected a whole port number')
  .min(1, 'expected a port from 1 to 65535')
  .max(65535, 'expected a port from 1 to 65535');
const url = (protocols: string[]) =>
  z.string().refine(
    (v) => {
      try {
        return protocols.includes(new URL(v).protocol.replace(':', ''));
      } catch {
        return false;
      }
    },
    { message: `expected a ${protocols.join(' or ')} URL` },
  );
const list = z.string().transform((v) =>
  v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean),
);
const positiveInt = (message: string) => z.coerce.number({ message }).int(message).positive(message);

/** Every environment variable Assay reads. `.env.example` documents each one. */
const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  API_PORT: port.default(8000),
  WEB_PORT: port.default(3000),
  PUBLIC_API_URL: url(['http', 'https']).optional(),
  PUBLIC_WEB_URL: url(['http', 'https']).optional(),
  DATA_DIR: z.string().min(1).default('./.data'),
  APP_SECRET: z.string().min(32, 'expected at least 32 characters of random secret').optional(),
  DATABASE_URL: url(['postgres', 'postgresql']).optional(),
  DATABASE_POOL_SIZE: positiveInt('expected a positive whole number').default(10),
  REDIS_URL: url(['redis', 'rediss']).optional(),
  S3_BUCKET: z.string().min(3).optional(),
  S3_REGION: z.string().min(1).default('us-east-1'),
  S3_ENDPOINT: url(['http', 'https']).optional(),
  S3_PUBLIC_ENDPOINT: url(['http', 'https']).optional(),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  S3_FORCE_PATH_STYLE: bool.default(false),
  SESSION_TTL_HOURS: positiveInt('expected a positive whole number of hours').default(24 * 7),
  ALLOW_SIGNUP: bool.default(true),
  AUTH_JWKS_URL: url(['http', 'https']).optional(),
  AUTH_JWT_ISSUER: z.string().min(1).optional(),
  AUTH_JWT_AUDIENCE: z.string().min(1).optional(),
  AUTH_JWT_ALGORITHMS: list.default(['RS256', 'ES256']),
  AUTH_JWT_EMAIL_CLAIM: z.string().min(1).default('email'),
  CORS_ORIGINS: list.optional(),
  BODY_LIMIT_BYTES: positiveInt('expected a positive number of bytes').default(1024 * 1024),
  TRUST_PROXY: trustProxy.default(['loopback']),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_PRETTY: bool.optional(),
  SMTP_URL: url(['smtp', 'smtps']).optional(),
  MAIL_FROM: z.string().min(3).default('Assay <no-reply@assay.local>'),
  WORKER_CONCURRENCY: positiveInt('expected a positive whole number').default(4),
  SHUTDOWN_TIMEOUT_MS: positiveInt('expected a positive number of milliseconds').default(25_000),
  OTEL_EXPORTER_OTLP_ENDPOINT: url(['http', 'https']).optional(),
  SENTRY_DSN: url(['http', 'https']).optional(),
  DEMO_SEED: bool.default(true),
  OUTBOUND_ALLOW_PRIVATE: bool.default(false),
  PAGES_DOMAIN: z
    .string()
    .regex(
      /^[a-z0-9.-]+(?::\d{1,5})?$/i,
      'expected a host name, optionally with a port, like pages.example.com',
    )
    .optional(),
  OPENAI_API_KEY: z.string().min(1).optional(),
  OPENAI_BASE_URL: url(['http', 'https']).optional(),
  ANTHROPIC_API_KEY: z.string().min(1).optional(),
  ANTHROPIC_BASE_URL: url(['http', 'https']).optional(),
  GOOGLE_GENERATIVE_AI_API_KEY: z.string().min(1).optional(),
  GOOGLE_BASE_URL: url(['http', 'https']).optional(),
  OPENAI_COMPATIBLE_BASE_URL: url(['http', 'https']).optional(),
  OPENAI_COMPATIBLE_API_KEY: z.string().min(1).optional(),
  OPENAI_COMPATIBLE_NAME: z
    .string()
    .regex(/^[a-z][a-z0-9-]*$/, 'expected a lowercase name like ollama')
    .optional(),
  OPENAI_COMPATIBLE_MODEL: z.string().min(1).optional(),
  OPENAI_COMPATIBLE_STRUCTURED_OUTPUTS: bool.default(true),
  AI_DEFAULT_MODEL: z
    .string()
    .regex(/^[a-z][a-z0-9-]*:.+$/, 'expected provider:model')
    .optional(),
  AI_TIMEOUT_MS: positiveInt('expected a positive number of milliseconds').default(60_000),
  AI_MAX_ATTEMPTS: positiveInt('expected a positive whole number').default(3),
  AI_RETRY_BASE_DELAY_MS: positiveInt('expected a positive number of milliseconds').default(500),
  AI_RETRY_MAX_DELAY_MS: positiveInt('expected a positive number of milliseconds').default(8_000),
  AI_MAX_RETRY_AFTER_MS: positiveInt('expected a positive number of milliseconds').default(30_000),
  AI_CONCURRENCY: positiveInt('expected a positive whole number').default(8),
  AI_BREAKER_THRESHOLD: positiveInt('expected a positive whole number').default(5),
  AI_BREAKER_COOLDOWN_MS: positiveInt('expected a positive number of milliseconds').default(30_000),
  RAZORPAY_KEY_ID: z.string().min(1).optional(),
  RAZORPAY_KEY_SECRET: z.string().min(1).optional(),
  RAZORPAY_WEBHOOK_SECRET: z.string().min(1).optional(),
  RAZORPAY_API_URL: url(['http', 'https']).default('https://api.razorpay.com'),
  STRIPE_SECRET_KEY: z.string().min(1).optional(),
  STRIPE_WEBHOOK_SECRET: z.string().min(1).optional(),
  STRIPE_API_URL: url(['http', 'https']).optional(),
  STRIPE_PRICE_IDS: list.default([]),
  STRIPE_WEBHOOK_TOLERANCE_SECONDS: positiveInt('expected a positive number of seconds').default(300),
  WEBHOOK_RATE_LIMIT_PER_MINUTE: positiveInt('expected a positive whole number').default(600),
});

export type Env = z.infer<typeof envSchema>;

export interface Config extends Env {
  dataDir: string;
  appSecret: string;
  publicApiUrl: string;
  publicWebUrl: string;
  corsOrigins: string[];
  /** Embedded mode: PGlite, pg-boss on it, local files; the API and worker share one process. */
  embedded: boolean;
  storageKind: 's3' | 'local';
  ai: AiConfig;
}

export class ConfigError extends Error {}

/** Names the first bad variable and what it expects, in one line. */
function describe(issue: z.core.$ZodIssue, env: Record<string, string | undefined>): string {
  const name = String(issue.path[0]);
  const got = env[name];
  return `${name} ${got === undefined ? 'is missing' : `is invalid (got "${got.slice(0, 40)}")`}: ${issue.message}`;
}

/** Embedded mode keeps a generated secret in DATA_DIR so signed URLs survive restarts. */
function embeddedSecret(dataDir: string): string {
  const file = join(dataDir, 'app-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // Empty strings mean "not set", which is how most .env files leave optional values.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success)
    throw new ConfigError(`Invalid configuration: ${describe(parsed.error.issues[0], cleaned)}`);
  const e = parsed.data;
  const s3Partial = [e.S3_BUCKET, e.S3_ACCESS_KEY_ID, e.S3_SECRET_ACCESS_KEY].filter(Boolean).length;
  if (e.S3_BUCKET === undefined && s3Partial > 0) {
    throw new ConfigError(
      'Invalid configuration: S3_BUCKET is missing: expected it when S3 credentials are set',
    );
  }
  if (e.NODE_ENV === 'production' && !e.APP_SECRET) {
    throw new ConfigError(
      'Invalid configuration: APP_SECRET is missing: expected at least 32 characters in production',
    );
  }
  if (e.AUTH_JWKS_URL && !e.AUTH_JWT_ISSUER) {
    throw new ConfigError(
      'Invalid configuration: AUTH_JWT_ISSUER is missing: expected the issuer when AUTH_JWKS_URL is set',
    );
  }
  const dataDir = resolve(e.DATA_DIR);
  const publicApiUrl = (e.PUBLIC_API_URL ?? `http://localhost:${e.API_PORT}`).replace(/\/$/, '');
  const publicWebUrl = (e.PUBLIC_WEB_URL ?? `http://localhost:${e.WEB_PORT}`).replace(/\/$/, '');
  return {
    ...e,
    dataDir,
    appSecret: e.APP_SECRET ?? embeddedSecret(dataDir),
    publicApiUrl,
    publicWebUrl,
    corsOrigins: e.CORS_ORIGINS ?? [publicWebUrl],
    embedded: e.DATABASE_URL === undefined,
    storageKind: e.S3_BUCKET ? 's3' : 'local',
    ai: aiConfigFrom(e),
  };
}
