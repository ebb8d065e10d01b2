import type { CommandMeta } from '../shared';
import {
  CREDIT_REFUND_REASONS,
  type CreditRefundReason,
  type CreditSubject,
} from './credits.events';
import { creditsInvalid, CreditsErrorCode as C, notAllowed } from './credits.errors';
import { CREDIT_KINDS, type CreditAllowance, type CreditKind } from './plan.events';

export const CREDITS_RULES = {
  /** Bonus credits per kind in one grant. */
  maxBonusPerKind: 1000,
  /** A plan's allowance per kind and period (a sanity bound; the catalogue sets the real one). */
  maxPeriodGrantPerKind: 1_000_000,
  reasonMaxLength: 200,
  noteMaxLength: 500,
  subjectIdMaxLength: 100,
} as const;

const R = CREDITS_RULES;

const integerIn = (value: unknown, min: number, max: number): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= min && value <= max;

/** Who may do what: the period's grants, freezes and forfeits are the system's; bonus and refunds are admin's. */
export function allowed(
  meta: CommandMeta,
  action: 'grant' | 'bonus' | 'spend' | 'refund' | 'freeze' | 'forfeit',
  accountId: string,
): void {
  const ok =
    action === 'bonus'
      ? meta.actorRole === 'admin'
      : action === 'refund'
        ? // Staff, or the system giving back a spend whose purpose could not be served (a tender
          // offer refused because the project was no longer open when it was made).
          meta.actorRole === 'admin' || meta.actorRole === 'system'
        : action === 'spend'
          ? meta.actorRole === 'system' ||
            (meta.actorRole === 'provider' && meta.actorId === accountId)
          : meta.actorRole === 'system';
  if (!ok) throw notAllowed(action);
}

/** Each kind an integer in 0..max; a missing kind counts 0; `positive` requires one above 0. */
export function validateAllowance(
  credits: Partial<CreditAllowance> | undefined,
  max: number,
  positive: boolean,
): CreditAllowance {
  if (credits === null || typeof credits !== 'object')
    throw creditsInvalid(C.CREDITS_INVALID_AMOUNT, 'credits');
  for (const key of Object.keys(credits))
    if (!(CREDIT_KINDS as readonly string[]).includes(key))
      throw creditsInvalid(C.CREDITS_INVALID_KIND, `credits.${key}`, { allowed: CREDIT_KINDS });
  const out = { consultation: 0, offer: 0, direct_contact: 0 };
  for (const kind of CREDIT_KINDS) {
    const value = credits[kind] ?? 0;
    if (!integerIn(value, 0, max))
      throw creditsInvalid(C.CREDITS_INVALID_AMOUNT, `credits.${kind}`, { value, min: 0, max });
    out[kind] = value;
  }
  if (positive && CREDIT_KINDS.every((k) => out[k] === 0))
    throw creditsInvalid(C.CREDITS_INVALID_AMOUNT, 'credits', {
      reason: 'at least one kind above 0',
    });
  return out;
}

export const isNothing = (credits: CreditAllowance): boolean =>
  CREDIT_KINDS.every((k) => (credits[k] ?? 0) === 0);

export function validateKind(kind: unknown): CreditKind {
  if (!(CREDIT_KINDS as readonly unknown[]).includes(kind))
    throw creditsInvalid(C.CREDITS_INVALID_KIND, 'kind', { value: kind, allowed: CREDIT_KINDS });
  return kind as CreditKind;
}

export function validateSubject(subject: CreditSubject): CreditSubject {
  if (
    subject?.type !== 'project' ||
    typeof subject.id !== 'string' ||
    subject.id.length === 0 ||
    subject.id.length > R.subjectIdMaxLength
  )
    throw creditsInvalid(C.CREDITS_INVALID_SUBJECT, 'subject', { allowedTypes: ['project'] });
  return { type: subject.type, id: subject.id };
}

/** Trimmed, whitespace collapsed, 1..200 characters. */
export function validateReason(reason: unknown): string {
  const clean = typeof reason === 'string' ? reason.trim().replace(/\s+/g, ' ') : '';
  if (clean.length === 0 || clean.length > R.reasonMaxLength)
    throw creditsInvalid(C.CREDITS_INVALID_REASON, 'reason', {
      minLength: 1,
      maxLength: R.reasonMaxLength,
    });
  return clean;
}

export function validateRefundReason(reason: unknown): CreditRefundReason {
  if (!(CREDIT_REFUND_REASONS as readonly unknown[]).includes(reason))
    throw creditsInvalid(C.CREDITS_INVALID_REASON, 'reason', {
      value: reason,
      allowed: CREDIT_REFUND_REASONS,
    });
  return reason as CreditRefundReason;
}

/** Optional; blank counts as none; at most 500 characters. */
export function validateNote(note: unknown): string | null {
  if (note === null || note === undefined) return null;
  if (typeof note !== 'string') throw creditsInvalid(C.CREDITS_INVALID_NOTE, 'note');
  const clean = note.trim();
  if (clean.length > R.noteMaxLength)
    throw creditsInvalid(C.CREDITS_INVALID_NOTE, 'note', { maxLength: R.noteMaxLength });
  return clean.length ? clean : null;
}
