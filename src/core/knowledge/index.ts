export { FINDINGS, type FindingKnowledge, type Reference } from './findings.js';
export { VENDOR_ERRORS, matchVendorErrors, type VendorError, type VendorErrorMatch } from './vendor-errors.js';
