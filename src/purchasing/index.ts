/** Purchasing groups and procurement (issue 16): the library functions of `finloc group-fees`, `share`, `reinvoice`, `score` and `orders`. */
export { type FeeScheme, type CommuneMethod, type Energy, parseScheme } from './scheme.js';
export { type GroupMember, type MemberKind, type MemberFee, type Band, bandOf, memberFee } from './fees.js';
export { readMembers } from './fees-input.js';
export { feesAsReport } from './fees-report.js';
export { type Proration, prorationInYear, prorate } from './proration.js';
export { type ShareKey, type MemberShare, shareAmount, shareAsReport } from './share.js';
export { readShareKeys } from './share-input.js';
export { type PostedProcedure, type ReInvoice, reinvoice, reinvoiceAsReport } from './reinvoice.js';
export { readProcedures } from './reinvoice-input.js';
export { type Criterion, type Offer, type OfferScore, type ScoreMethod, ABNORMALLY_LOW_PCT, priceScore, scoreOffers } from './score.js';
export { readCriteria, readOffers } from './score-input.js';
export { scoresAsReport } from './score-report.js';
export { type Order, type FrameworkTerms, type Period, type PlacedOrder, type PeriodSummary, agreementPeriods, followOrders, ordersAsReport, periodOf } from './orders.js';
export { readOrders } from './orders-input.js';
export { roundToTotal, splitInProportion } from '../money/largest-remainder.js';
