export * from './catalogue.ts';
export * from './delivery-job.ts';
export * from './emit.ts';
