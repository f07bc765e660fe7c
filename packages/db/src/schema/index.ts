export * from './ai.ts';
export * from './audit.ts';
export * from './billing.ts';
export * from './identity.ts';
export * from './jobs.ts';
export * from './notifications.ts';
export * from './projects.ts';
export * from './webhooks.ts';
