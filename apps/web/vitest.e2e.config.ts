import { defineConfig } from 'vitest/config';

// End-to-end: one file boots the API (embedded) and `next start`, then drives Chromium through the flows.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 180_000,
    reporters: ['default'],
  },
});
