export * from './engine/index.ts';
export * from './health/index.ts';
export { visibilityModule } from './module.ts';
