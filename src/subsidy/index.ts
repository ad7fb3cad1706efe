/** Association subsidies: totals, envelopes, checks of a deliberation, SCDL open-data export. */
export type { Grant } from './types.js';
export { type BeneficiaryId, parseBeneficiaryId, siretKeyHolds } from './beneficiary-id.js';
export { grantSchema, grantFromRow, type GrantRow } from './input.js';
export { type Committed, type EnvelopeTotal, type KindTotal, type BeneficiaryTotal, committed, envelopeTotals, kindTotals, beneficiaryTotals, grandTotal } from './totals.js';
export { type Envelope, type EnvelopeBalance, envelopeBalances, overallBalance, grantsOutsideEnvelopes } from './envelopes.js';
export { type ComplementCheck, checkComplement } from './per-member.js';
export { CONVENTION_THRESHOLD, BUDGET_ANNEX_THRESHOLD, type ThresholdFlags, thresholdFlags } from './thresholds.js';
export { type DeclaredTotal, type DeclaredCheck, recomputedTotal, checkDeclaredTotal } from './declared.js';
export { type SubsidyChecks, type SubsidyReport, subsidyReport, subsidiesAsReport, subsidyAlerts } from './report.js';
export { SCDL_FIELDS, type ScdlField, type Attributor, type ScdlGap, attributorProblems, scdlRow, scdlGaps, scdlGapNotes, renderScdl } from './scdl.js';
