export { controlFamily, facet, prohibition } from './define.ts';
export { gdpr } from './gdpr/index.ts';
export { hipaa } from './hipaa/index.ts';
export {
  OscalImportError,
  type OscalImportOptions,
  parseOscalCatalog,
  parseOscalCatalogText,
} from './oscal.ts';
export { readOscalCatalogFile } from './oscal-file.ts';
export {
  builtinFramework,
  builtinFrameworks,
  requireBuiltinFramework,
  selectControls,
  UnknownFrameworkError,
} from './registry.ts';
export { SCOPES, type ScopeDefinition } from './scopes.ts';
export { soc2 } from './soc2/index.ts';
export type { Control, Facet, Framework, ScopeKey, Severity } from './types.ts';
export { frameworkProblems } from './validate.ts';
