export * from './pages/schema.ts';
export * from './scans/schema.ts';
