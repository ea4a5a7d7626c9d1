/** Support triage: structure-aware HAR redaction (DESIGN §5), ticket reports and cURL export. */
export {
  redactHar,
  redactHarDetailed,
  summarizeRedaction,
  formatRedactionSummary,
  HarRedactionError,
  type RedactOptions,
  type RedactionResult,
  type RedactionSummary,
} from './har.js';
export { REDACTION_KINDS, isMarker, type RedactionKind } from './markers.js';
export { buildReport, reportData, type ReportJson, type ReportOptions } from './report.js';
export { toCurl, shellQuote, type CurlOptions } from './curl.js';
