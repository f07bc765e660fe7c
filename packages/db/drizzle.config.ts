import { defineConfig } from 'drizzle-kit';

// Core tables live in packages/db; each product module keeps its own tables in its package's schema.ts.
export default defineConfig({
  dialect: 'postgresql',
  schema: ['./packages/db/src/schema/index.ts', './packages/*/src/schema.ts'],
  out: './packages/db/migrations',
});
