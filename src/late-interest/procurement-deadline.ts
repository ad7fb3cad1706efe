import { type IsoDate, addDays, daysBetween } from '../calendar/date.js';

/**
 * « Délai global de paiement » (Code de la commande publique, R2192-10):
 * 30 days for the State and local authorities, 50 for public
 * health establishments, 60 for some public companies.
 */
export const LOCAL_AUTHORITY_PAYMENT_DAYS = 30;
export const HEALTH_ESTABLISHMENT_PAYMENT_DAYS = 50;
export const MAX_PAYMENT_DAYS = 60;

export interface PaymentDelay {
  /** Last day of the payment period: a payment on that day is on time. */
  readonly deadline: IsoDate;
  /** First day of « intérêts moratoires » (the day after the deadline), when paid late. */
  readonly interestStart: IsoDate | undefined;
  /** Days of interest: from the day after the deadline up to and including the payment date, i.e. paid − deadline; 0 when on time. */
  readonly daysLate: number;
}

/**
 * The period runs from the receipt of the payment request; a suspension
 * of the period (the request was incomplete) adds its days to it.
 */
export function paymentDeadline(received: IsoDate, paymentDays: number, suspensionDays = 0): IsoDate {
  return addDays(received, paymentDays + suspensionDays);
}

/** Interest runs « dès le lendemain de l'expiration du délai de paiement » (L2192-13) up to and including the payment date. */
export function paymentDelay(received: IsoDate, paid: IsoDate, paymentDays: number, suspensionDays = 0): PaymentDelay {
  const deadline = paymentDeadline(received, paymentDays, suspensionDays);
  const daysLate = Math.max(0, daysBetween(deadline, paid));
  return { deadline, interestStart: daysLate > 0 ? addDays(deadline, 1) : undefined, daysLate };
}
