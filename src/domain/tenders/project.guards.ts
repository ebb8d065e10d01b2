import type { Cents, CommandMeta } from '../shared';
import { textFault } from '../shared/text';
import { FEE_PAYERS, PROJECT_FORMULAS, type FeePayer, type ProjectFormula } from './project.events';
import {
  budgetInvalid,
  categoryUnknown,
  clientOnly,
  deadlineInvalid,
  deadlinePast,
  descriptionInvalid,
  PROJECT_RULES as R,
  reasonTooLong,
  revisionAmountInvalid,
  termsInvalid,
  titleInvalid,
  tooManyAttachments,
} from './project.errors';
import { isTenderCategory, type TenderCategory } from './tender-categories';

const faulty = (value: string) => textFault(value, { controlCharacters: true }) !== null;
const length = (value: string) => [...value].length;

export function assertClientRole(meta: CommandMeta): void {
  if (meta.actorRole !== 'client') throw clientOnly();
}

function text(input: unknown, min: number, max: number, error: () => Error): string {
  const value = typeof input === 'string' ? input.trim() : '';
  if (length(value) < min || length(value) > max || faulty(value)) throw error();
  return value;
}

export const parseTitle = (input: unknown) => text(input, R.titleMin, R.titleMax, titleInvalid);
export const parseDescription = (input: unknown) =>
  text(input, R.descriptionMin, R.descriptionMax, descriptionInvalid);

export function parseCategory(input: unknown): TenderCategory {
  if (!isTenderCategory(input)) throw categoryUnknown(input);
  return input;
}

const isPositiveCents = (value: unknown): value is Cents =>
  typeof value === 'number' && Number.isSafeInteger(value) && value > 0;

export function parseBudget(min: unknown, max: unknown): { min: Cents; max: Cents } {
  if (!isPositiveCents(min)) throw budgetInvalid('budgetMinCents');
  if (!isPositiveCents(max) || max < min) throw budgetInvalid('budgetMaxCents');
  return { min, max };
}

const PARIS_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar day of an instant in Paris, `YYYY-MM-DD`. */
export const parisDay = (iso: string): string => PARIS_DAY.format(new Date(iso));

/** A real calendar day strictly after today (in Paris). */
export function parseWishedDeadline(input: unknown, now: string): string {
  if (typeof input !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(input)) throw deadlineInvalid();
  const day = new Date(`${input}T00:00:00.000Z`);
  if (Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== input)
    throw deadlineInvalid();
  const today = parisDay(now);
  if (input <= today) throw deadlinePast(input, today);
  return input;
}

export function parseAttachments(input: unknown): string[] {
  if (input === undefined || input === null) return [];
  if (!Array.isArray(input) || input.some((id) => typeof id !== 'string'))
    throw tooManyAttachments();
  const ids = [...new Set((input as string[]).map((id) => id.toLowerCase()))];
  if (ids.length > R.maxAttachments) throw tooManyAttachments();
  return ids;
}

/** Optional: absent or blank is no reason (empty string). */
export function parseReason(input: unknown): string {
  if (input === undefined || input === null) return '';
  if (typeof input !== 'string') throw reasonTooLong();
  const value = input.trim();
  if (length(value) > R.reasonMax || faulty(value)) throw reasonTooLong();
  return value;
}

export function parseAmount(input: unknown, field = 'amountCents'): Cents {
  if (!isPositiveCents(input)) throw termsInvalid(field);
  return input;
}

export function parseDelay(input: unknown): number {
  if (
    typeof input !== 'number' ||
    !Number.isSafeInteger(input) ||
    input < 1 ||
    input > R.maxDelayDays
  )
    throw termsInvalid('delayDays');
  return input;
}

export function parseFormula(input: unknown): ProjectFormula {
  if (!(PROJECT_FORMULAS as readonly unknown[]).includes(input)) throw termsInvalid('formula');
  return input as ProjectFormula;
}

export function parseFeePayer(input: unknown): FeePayer {
  if (input === undefined || input === null) return 'client';
  if (!(FEE_PAYERS as readonly unknown[]).includes(input)) throw termsInvalid('feePayer');
  return input as FeePayer;
}

export function parseRevisionAmount(input: unknown): Cents {
  if (!isPositiveCents(input)) throw revisionAmountInvalid();
  return input;
}
