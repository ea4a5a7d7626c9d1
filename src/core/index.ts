/**
 * The public library API (DESIGN §3.1). Everything here is pure: it runs in Node, in a worker and
 * in the DevTools panel alike.
 */
export type { Problem, ProblemSeverity } from './problem.js';
export type { Exchange, Header, Cookie, Body } from './har/exchange.js';
export { headerValue, headerValues } from './har/exchange.js';
export type {
  Analysis,
  EntryResult,
  Finding,
  FindingCode,
  FindingSeverity,
  RequestFindingCode,
  SessionFindingCode,
} from './diagnose/finding.js';
