import type { Command } from 'commander';
import type { FastifyInstance } from 'fastify';
import type { JobDefinition } from './jobs/port.ts';
import type { ModuleStorage } from './module-storage.ts';
import type { Platform } from './runtime.ts';

export interface ScheduleDefinition {
  /** Unique key, `module.what`. */
  key: string;
  cron: string;
  job: string;
  payload?: unknown;
}

/** The demo organization a fresh installation creates, for modules to add sample data to. */
export interface DemoContext {
  orgId: string;
  userId: string;
  /** The demo project the module should hang its samples on. */
  projectId: string;
}

/**
 * How a product module plugs into Assay. Its tables are its package's `src/schema.ts` (picked up by
 * drizzle-kit); everything else is declared here and composed by the API, the worker and the CLI.
 */
export interface AssayModule {
  name: string;
  /** Resources whose permissions follow the project rules (viewer reads, editor writes, admin deletes). */
  resources?: string[];
  /** Registered under `/v1`. Every route declares `config.permission` or `config.auth`. */
  routes?: (app: FastifyInstance, platform: Platform) => Promise<void> | void;
  jobs?: (platform: Platform) => JobDefinition<any>[];
  schedules?: ScheduleDefinition[];
  /** Adds `assay <module> ...` subcommands. `platform()` boots the platform on first use. */
  cli?: (program: Command, platform: () => Promise<Platform>) => void;
  /** The files it keeps in object storage: counted against the storage quota, removed with their project. */
  storage?: ModuleStorage;
  /** Sample data for the demo organization; runs once, in the background, after the worker starts. */
  demo?: { project: string; seed: (platform: Platform, demo: DemoContext) => Promise<void> };
}

export const defineModule = (module: AssayModule): AssayModule => module;
