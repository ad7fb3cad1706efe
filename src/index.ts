/**
 * finloc's library API: the numeric core, pure functions from typed inputs
 * to typed results. `import { amortize, Decimal } from 'finloc'`.
 */
export { Decimal, dec, roundToCent, roundToCentWith, type CentRounding, ZERO, ONE } from './money/decimal.js';
export { parseDecimal } from './money/parse.js';
export { formatMachine, formatFrench, formatFrenchGrouped } from './money/format.js';
export { type IsoDate, parseDate, isoDate, addMonths, addDays, daysBetween, toFrenchDate } from './calendar/date.js';
export { type DayCount, countDays, yearBasis } from './calendar/day-count.js';
export { type HolidayRegime, type PublicHoliday, easterSunday, publicHolidays } from './calendar/public-holidays.js';
export { type WorkingCalendar, workingCalendar, isWorkingDay, nonWorkingReason, endOnWorkingDay } from './calendar/working-day.js';
export { type RateHistory, type RatePoint, type RateInForce, makeRateHistory, rateInForce } from './rates/history.js';
export { livretAHistory, livretAKnownUntil } from './rates/livret-a.js';
export { InputError, type InputProblem, formatProblem } from './errors.js';
export { parseTable } from './csv/table.js';
export { decodeBytes } from './csv/decode.js';
export type { OutputFormat } from './output/format.js';
export * from './loan/index.js';
export * from './late-interest/index.js';
export * from './guarantee/index.js';
export * from './budget/index.js';
export * from './subsidy/index.js';
export * from './purchasing/index.js';
