export * from './attack/search.ts';
export * from './attack/stix.ts';
export * from './engine/index.ts';
export { intelModule } from './module.ts';
