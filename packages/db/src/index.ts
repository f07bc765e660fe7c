export * from './client.ts';
export * from './migrate.ts';
export * from './schema/index.ts';
export * from './seed.ts';
export { isUuid, uuidv7 } from './uuid.ts';
