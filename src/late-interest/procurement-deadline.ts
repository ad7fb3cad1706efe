import { type IsoDate, addDays, daysBetween } from '../calendar/date.js';
import { type WorkingCalendar, endOnWorkingDay, nonWorkingReason } from '../calendar/working-day.js';

/**
 * « Délai global de paiement » (Code de la commande publique, R2192-10):
 * 30 days for the State and local authorities, 50 for public
 * health establishments, 60 for some public companies.
 */
export const LOCAL_AUTHORITY_PAYMENT_DAYS = 30;
export const HEALTH_ESTABLISHMENT_PAYMENT_DAYS = 50;
export const MAX_PAYMENT_DAYS = 60;

/**
 * Days added to the date of a payment request whose receipt date is
 * uncertain: the time the post takes. The code is silent; the
 * administrative courts count from the invoice's date plus two days
 * (CAA Versailles, 17 September 2024, n° 21VE02263).
 */
export const UNCERTAIN_RECEIPT_DAYS = 2;

/** Where the payment period starts from, and by which rule. */
export type PeriodStartRule =
  /** the receipt of the payment request (R2192-12). */
  | 'receipt'
  /** the request's date + 2 days: its receipt date is unknown, or earlier than the request itself (case law, see UNCERTAIN_RECEIPT_DAYS). */
  | 'request'
  /** the date the services were performed: the receipt is uncertain or earlier (R2192-13). */
  | 'service';

export interface PeriodStart {
  readonly date: IsoDate;
  readonly rule: PeriodStartRule;
}

/**
 * The day the payment period starts from.
 *
 * - A receipt date that is known and not earlier than the request's own
 *   date: that date (R2192-12).
 * - A receipt date unknown, or earlier than the request's date (a request
 *   cannot arrive before it is written: the date is wrong): the request's
 *   date + 2 days (CAA Versailles, 17/09/2024, n° 21VE02263).
 * - Either of these earlier than the date the services were performed, or
 *   no date at all but that one: the services' date (R2192-13: « lorsque la
 *   date de réception de la demande de paiement est incertaine ou
 *   antérieure à la date d'exécution des prestations, le délai de paiement
 *   court à compter de la date d'exécution des prestations »).
 *
 * Example: received 02/01/2025 → 02/01/2025 (receipt); no receipt date,
 * request of 30/12/2024 → 01/01/2025 (request); received 02/01/2025 for
 * services performed on 10/01/2025 → 10/01/2025 (service).
 * Undefined when no date is given.
 */
export function periodStart(dates: { received?: IsoDate | undefined; request?: IsoDate | undefined; service?: IsoDate | undefined }): PeriodStart | undefined {
  const { received, request, service } = dates;
  let start: PeriodStart | undefined;
  if (received !== undefined && (request === undefined || received >= request)) start = { date: received, rule: 'receipt' };
  else if (request !== undefined) start = { date: addDays(request, UNCERTAIN_RECEIPT_DAYS), rule: 'request' };
  if (service !== undefined && (start === undefined || start.date < service)) start = { date: service, rule: 'service' };
  return start;
}

export interface PaymentDelay {
  /** The period's last calendar day: start + period + suspension. */
  readonly nominalDeadline: IsoDate;
  /** Last day of the payment period, after extension to a working day: a payment on that day is on time. */
  readonly deadline: IsoDate;
  /** Why the nominal deadline was not a working day (« samedi », « Lundi de Pâques »…), when it was extended. */
  readonly extendedBecause: string | undefined;
  /** First day of « intérêts moratoires » (the day after the deadline), when paid late. */
  readonly interestStart: IsoDate | undefined;
  /** Days of interest: from the day after the deadline up to and including the payment date, i.e. paid − deadline; 0 when on time. */
  readonly daysLate: number;
}

/**
 * The period runs from its start (see {@link periodStart}); a suspension
 * of the period (the request was incomplete) adds its days to it.
 */
export function paymentDeadline(start: IsoDate, paymentDays: number, suspensionDays = 0): IsoDate {
  return addDays(start, paymentDays + suspensionDays);
}

/**
 * Interest runs « dès le lendemain de l'expiration du délai de paiement »
 * (L2192-13) up to and including the payment date. With a working
 * calendar, a period whose last day is a Saturday, a Sunday, a public
 * holiday or a closed day ends on the next working day (CCAG-FCS and
 * CCAG-Travaux 2021, art. 3.3); without one, on its calendar day.
 *
 * Example: received Thursday 02/01/2025, 30 days → Saturday 01/02/2025,
 * extended to Monday 03/02/2025; paid 03/02: on time; paid 03/03/2025:
 * 03/03 − 03/02 = 28 days from 04/02/2025.
 */
export function paymentDelay(start: IsoDate, paid: IsoDate, paymentDays: number, suspensionDays = 0, calendar?: WorkingCalendar): PaymentDelay {
  const nominalDeadline = paymentDeadline(start, paymentDays, suspensionDays);
  const extendedBecause = calendar === undefined ? undefined : nonWorkingReason(nominalDeadline, calendar);
  const deadline = extendedBecause === undefined ? nominalDeadline : endOnWorkingDay(nominalDeadline, calendar!);
  const daysLate = Math.max(0, daysBetween(deadline, paid));
  return { nominalDeadline, deadline, extendedBecause, interestStart: daysLate > 0 ? addDays(deadline, 1) : undefined, daysLate };
}
