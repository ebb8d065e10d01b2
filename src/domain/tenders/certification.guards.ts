import type { CommandMeta } from '../shared';
import { adminOnly, invalidField, providerOnly, reasonRequired } from './certification.errors';

/** The written rules of certification (docs/tenders-certification.md). */
export const CERTIFICATION_RULES = {
  /** References awaiting the client's answer or the SCP's review, at once. */
  maxOpenReferences: 10,
  /** A link (and its token) is valid this long after it was sent. */
  linkValidityDays: 30,
  /** Approved references that certify a provider. */
  referencesToCertify: 3,
  /** Reputation path: finished projects reviewed by their client... */
  reputationMinReviewedProjects: 5,
  /** ...with an average of at least this many stars out of 5. */
  reputationMinAverage: 4.5,
  /** A reference's work was done at most this many years ago. */
  maxReferenceAgeYears: 10,
  textMaxLength: 200,
  workMaxLength: 2000,
  commentMaxLength: 2000,
  reasonMaxLength: 2000,
} as const;

const R = CERTIFICATION_RULES;
const DAY_MS = 86_400_000;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const linkExpiry = (now: string): string =>
  new Date(Date.parse(now) + R.linkValidityDays * DAY_MS).toISOString();

export function assertProvider(meta: CommandMeta, providerId: string): void {
  if (meta.actorRole !== 'provider' || meta.actorId !== providerId) throw providerOnly();
}

export function assertAdmin(meta: CommandMeta): void {
  if (meta.actorRole !== 'admin') throw adminOnly();
}

export function requiredText(value: unknown, field: string, max: number): string {
  const text = typeof value === 'string' ? value.trim() : '';
  if (text.length === 0 || text.length > max)
    throw invalidField(field, `required, 1 to ${max} characters`);
  return text;
}

export function optionalText(value: unknown, field: string, max: number): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw invalidField(field, 'a string');
  const text = value.trim();
  if (text.length > max) throw invalidField(field, `at most ${max} characters`);
  return text.length === 0 ? null : text;
}

export function parseEmail(value: unknown): string {
  const email = requiredText(value, 'email', 254).toLowerCase();
  if (!EMAIL.test(email)) throw invalidField('email', 'an e-mail address');
  return email;
}

/** The year the work was done: not in the future and at most 10 years ago. */
export function parseYear(value: unknown, now: string): number {
  const current = new Date(now).getUTCFullYear();
  if (
    typeof value !== 'number' ||
    !Number.isInteger(value) ||
    value > current ||
    value < current - R.maxReferenceAgeYears
  )
    throw invalidField('year', `a year from ${current - R.maxReferenceAgeYears} to ${current}`);
  return value;
}

export function parseReason(value: unknown): string {
  const text = typeof value === 'string' ? value.trim() : '';
  if (text.length === 0 || text.length > R.reasonMaxLength) throw reasonRequired(R.reasonMaxLength);
  return text;
}
