export { complianceModule } from './module.ts';
export * from './schema.ts';
