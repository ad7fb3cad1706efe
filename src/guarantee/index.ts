export * from './types.js';
export { splitByShares, sharesComplete } from './split.js';
export { guaranteeLine, guaranteePortfolio, guaranteesByLine } from './schedule.js';
export { checkPrincipal, type PrincipalCheck } from './principal.js';
export { yearFigures, guaranteeYear, owedInYear, type YearFigures, type GuaranteeYear } from './yearly.js';
export { yearlyStatement, exposure, byGuarantor, type GuarantorStatement, type ExposureYear } from './statement.js';
export {
  prudentialRatios, ceilingRatio, borrowerRatio, shareRatio, firstFullAnnuity,
  type RatioInputs, type PrudentialRatios, type CeilingRatio, type BorrowerRatio, type ShareRatio, type ExemptLine,
} from './ratios.js';
export { guaranteeSchema, ratioInputsSchema, type RatioInputItem } from './input.js';
export { guaranteesFromRows } from './validate.js';
