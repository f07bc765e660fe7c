export * from './attack/search.ts';
export * from './attack/stix.ts';
export { currentAttackVersion, DEFAULT_DOMAIN, loadAttackCatalog } from './attack-import/catalog.ts';
export { type AttackImportResult, importAttackBundle } from './attack-import/import.ts';
export * from './engine/index.ts';
export { emitIndicatorCreated, emitReportProcessed } from './events.ts';
export { collectExport, type ExportFilter, type ExportFormat, type ExportModel } from './exports/model.ts';
export { renderExport } from './exports/render.ts';
export { stixPattern, toStixBundle } from './exports/stix.ts';
export { relationshipsOf, sourcesOf } from './knowledge/detail.ts';
export { actorId, actorKey, indicatorId, relationshipId, uuidv5 } from './knowledge/ids.ts';
export { type AcceptedItem, mergeAccepted } from './knowledge/merge.ts';
export { expiryFor, normaliseIndicator, stricterTlp, TLP_LEVELS, type Tlp } from './knowledge/normalise.ts';
export { intelModule } from './module.ts';
export { applyDecisions, HIGH_CONFIDENCE, reviewReport } from './reports/review.ts';
export {
  confirmUpload as confirmReportUpload,
  createReport,
  createUpload as createReportUpload,
  getReport,
  REPORT_USAGE_METRIC,
} from './reports/service.ts';
export { stageExtraction } from './reports/stage.ts';
// Tables and services for the rest of the module (agents, feeds, trend monitoring, web) to build on.
export * from './schema.ts';
export { getIntelSettings, saveIntelSettings } from './settings/service.ts';
export { seenCounts } from './techniques/counts.ts';
