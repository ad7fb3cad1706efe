export { ECB_MRO_KNOWN_UNTIL, ecbMroHistory } from './ecb-mro.js';
export { type PaymentDelay, type PeriodStart, type PeriodStartRule, UNCERTAIN_RECEIPT_DAYS, periodStart, paymentDeadline, paymentDelay, LOCAL_AUTHORITY_PAYMENT_DAYS, HEALTH_ESTABLISHMENT_PAYMENT_DAYS, MAX_PAYMENT_DAYS } from './procurement-deadline.js';
export { type Semester, type SemesterRate, semesterOf, semesterStart, semesterEnd, semesterLabel, semesterRate, PROCUREMENT_MARGIN_PCT, PROCUREMENT_RATE_FLOOR_RULE } from './semester-rate.js';
export {
  type Invoice, type InvoiceInterest, type ProcurementRules, type ProcurementTotals, FIXED_RECOVERY_INDEMNITY, lateInterestAmount, procurementInterest, procurementTotals,
} from './procurement-interest.js';
export {
  type Arrear, type ArrearPayment, type ArrearEvent, type ArrearPeriod, type ArrearResult, type ArrearOutcome, type ArrearProblemKind, CDC_LATE_MARGIN_PCT, CDC_LATE_RATE_FLOOR_RULE, arrearInterest,
} from './loan-arrears.js';
export { invoiceSchema, closedDaySchema, invoiceFromRow, invoiceProblems, invoicesInterest, unpaidSchema, arrearPaymentSchema, arrearsFromRows, arrearsInterest } from './input.js';
export { procurementAsReport, procurementNotes, arrearsAsReport, arrearNotes } from './report.js';
export { calendarOf } from './procurement-interest.js';
export { type ProcurementRegime, CURRENT_RULES_FROM, CURRENT_REGIME, PRE_2013_REGIME, PRE_2013_MARGIN_PCT, procurementRegime } from './procurement-regime.js';
export { type ComplementaryInterest, type ComplementaryOutcome, type ComplementaryPeriod, INTEREST_PAYMENT_DAYS, LEGAL_RATE_DAYS_IN_YEAR, complementaryInterest } from './complementary-interest.js';
