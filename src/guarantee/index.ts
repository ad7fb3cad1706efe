export * from './types.js';
export { splitByShares, sharesComplete } from './split.js';
export { guaranteeLine, guaranteePortfolio, guaranteesByLine } from './schedule.js';
export { checkPrincipal, type PrincipalCheck } from './principal.js';
export { yearFigures, guaranteeYear, owedInYear, type YearFigures, type GuaranteeYear } from './yearly.js';
export { yearlyStatement, exposure, byGuarantor, selectGuarantor, type GuarantorStatement, type ExposureYear } from './statement.js';
export {
  prudentialRatios, ratioInputsOf, ceilingRatio, borrowerRatio, shareRatio, firstFullAnnuity,
  type RatioInputs, type PrudentialRatios, type CeilingRatio, type BorrowerRatio, type ShareRatio, type ExemptLine,
} from './ratios.js';
export { guaranteeSchema, RATIO_INPUT_ITEMS, readRatioInputs, type RatioInputItem } from './input.js';
export { principalReport, guaranteedScheduleReport, statementReport, exposureReport, ratiosReport } from './report.js';
export { guaranteesFromRows } from './validate.js';
