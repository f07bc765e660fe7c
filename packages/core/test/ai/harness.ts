import { llmUsage, uuidv7 } from '@assay/db';
import { asc, eq } from 'drizzle-orm';
import pino from 'pino';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/db.ts';
import { type AiClient, type AiClientOptions, createAiClient } from '../../src/ai/client.ts';
import type { AiConfig } from '../../src/ai/providers.ts';
import { type FakeProviders, startFakeProviders } from './fake-providers.ts';

/** Test policy: quick retries and a short timeout, so failure paths run in milliseconds. */
export const FAST: Partial<AiConfig> = {
  timeoutMs: 2_000,
  maxAttempts: 3,
  retryBaseDelayMs: 5,
  retryMaxDelayMs: 20,
  maxRetryAfterMs: 5_000,
};

export interface AiHarness {
  database: TestDatabase;
  fake: FakeProviders;
  /** Every log line the clients wrote, as JSON text. */
  logs: string[];
  client(config?: Partial<AiConfig>, options?: Partial<AiClientOptions>): AiClient;
  usageRows(orgId: string): Promise<(typeof llmUsage.$inferSelect)[]>;
  close(): Promise<void>;
}

export async function startAiHarness(): Promise<AiHarness> {
  const database = await createTestDatabase();
  const fake = await startFakeProviders();
  const logs: string[] = [];
  const logger = pino({ level: 'debug' }, { write: (line: string) => void logs.push(line) });
  return {
    database,
    fake,
    logs,
    client: (config = {}, options = {}) =>
      createAiClient({ config: fake.config({ ...FAST, ...config }), db: database.db, logger, ...options }),
    usageRows: (orgId) =>
      database.db.select().from(llmUsage).where(eq(llmUsage.orgId, orgId)).orderBy(asc(llmUsage.createdAt)),
    close: async () => {
      await fake.close();
      await database.drop();
    },
  };
}

/** A fresh tenant id per test keeps usage assertions independent. */
export const newOrg = () => uuidv7();
