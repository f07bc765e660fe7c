export * from './client.ts';
export * from './migrate.ts';
export { createdAt, id, tstz, updatedAt } from './schema/columns.ts';
export * from './schema/index.ts';
export * from './seed.ts';
export { isUuid, uuidv7 } from './uuid.ts';
