import { textFault } from '../shared/text';
import type { OfferTerms, ProjectStanding } from './offer.commands';
import {
  OFFER_RULES,
  offerInvalidAmount,
  offerInvalidDelay,
  offerInvalidMessage,
  projectNotOpen,
  tenderProjectNotFound,
} from './offer.errors';

export interface ParsedOfferTerms {
  amountCents: number;
  delayDays: number;
  message: string;
}

/** A text of `min` to `max` characters (code points) after trimming, without control characters. */
export function boundedText(input: unknown, min: number, max: number): string | null {
  if (typeof input !== 'string') return null;
  const value = input.trim();
  const length = [...value].length;
  if (length < min || length > max) return null;
  if (textFault(value, { controlCharacters: true }) !== null) return null;
  return value;
}

export function parseOfferTerms(terms: OfferTerms): ParsedOfferTerms {
  const { amountCents, delayDays } = terms;
  if (
    typeof amountCents !== 'number' ||
    !Number.isSafeInteger(amountCents) ||
    amountCents <= 0 ||
    amountCents > OFFER_RULES.maxAmountCents
  )
    throw offerInvalidAmount();
  if (
    typeof delayDays !== 'number' ||
    !Number.isInteger(delayDays) ||
    delayDays < OFFER_RULES.minDelayDays ||
    delayDays > OFFER_RULES.maxDelayDays
  )
    throw offerInvalidDelay();
  const message = boundedText(
    terms.message,
    OFFER_RULES.minMessageLength,
    OFFER_RULES.maxMessageLength,
  );
  if (message === null) throw offerInvalidMessage();
  return { amountCents, delayDays, message };
}

/** The project exists; `open` too when asked. */
export function assertProject(projectId: string, project: ProjectStanding, open: boolean): void {
  if (project.status === 'none' || project.clientId === null)
    throw tenderProjectNotFound(projectId);
  if (open && project.status !== 'open') throw projectNotOpen(projectId, project.status);
}
