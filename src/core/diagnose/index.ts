export { analyzeHar, analyzeExchanges, createDiagnosis, reviewWithBody, isSanitized, HarReadError, type Diagnosis, type DiagnosisOptions } from './engine.js';
export type { Analysis, EntryResult, Finding, FindingCode, FindingSeverity, RequestFindingCode, SessionFindingCode } from './finding.js';
export { RULES } from './rules/index.js';
