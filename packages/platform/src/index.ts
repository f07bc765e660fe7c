export { createApiKey } from './api-keys/service.ts';
export * from './boot.ts';
export * from './identity/authenticate.ts';
export * from './identity/service.ts';
export { coreModules, modules } from './modules.ts';
