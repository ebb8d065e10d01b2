import { assertNever } from '../shared';
import type {
  AddCertificationReference,
  AnswerCertificationReference,
  CertificationCommand,
  CountCertificationReview,
  ResendCertificationReference,
  ReviewCertificationReference,
  WithdrawCertification,
} from './certification.commands';
import {
  alreadyAnswered,
  duplicateReference,
  linkExpired,
  linkInvalid,
  notCertified,
  notConfirmed,
  referenceNotFound,
  tooManyOpen,
} from './certification.errors';
import type { CertificationEvent, ProviderCertified } from './certification.events';
import {
  assertAdmin,
  assertProvider,
  CERTIFICATION_RULES as R,
  linkExpiry,
  optionalText,
  parseEmail,
  parseReason,
  parseYear,
  requiredText,
} from './certification.guards';
import {
  evolve,
  isOpen,
  reputationOf,
  type CertificationReference,
  type CertificationState,
} from './certification.state';

function referenceIn(state: CertificationState, referenceId: string): CertificationReference {
  const reference = state.references.find((r) => r.referenceId === referenceId);
  if (!reference) throw referenceNotFound(referenceId);
  return reference;
}

/** The certification the state now earns, if it is not certified yet: references first. */
function certificationEarned(
  state: CertificationState,
  providerId: string,
  now: string,
): ProviderCertified[] {
  if (state.status === 'certified') return [];
  const { reviewedProjects, averageRating } = reputationOf(state);
  const data = { providerId, reviewedProjects, averageRating, certifiedAt: now };
  if (state.countingApprovals.length >= R.referencesToCertify)
    return [
      {
        type: 'ProviderCertified',
        data: { ...data, basis: 'references', referenceIds: [...state.countingApprovals] },
      },
    ];
  // After a withdrawal, the reputation certifies again only on a review counted since.
  const fresh = state.status === 'uncertified' || state.reviewsSinceWithdrawal > 0;
  if (
    fresh &&
    reviewedProjects >= R.reputationMinReviewedProjects &&
    averageRating !== null &&
    averageRating >= R.reputationMinAverage
  )
    return [
      { type: 'ProviderCertified', data: { ...data, basis: 'reputation', referenceIds: [] } },
    ];
  return [];
}

function add({ data, meta }: AddCertificationReference, state: CertificationState) {
  assertProvider(meta, data.providerId);
  const name = requiredText(data.name, 'name', R.textMaxLength);
  const email = parseEmail(data.email);
  const company = requiredText(data.company, 'company', R.textMaxLength);
  const work = requiredText(data.work, 'work', R.workMaxLength);
  const year = parseYear(data.year, meta.now);
  if (state.references.some((r) => r.referenceId === data.referenceId)) return [];
  const open = state.references.filter(isOpen);
  if (open.some((r) => r.contact.email === email)) throw duplicateReference(email);
  if (open.length >= R.maxOpenReferences) throw tooManyOpen(R.maxOpenReferences);
  return [
    {
      type: 'CertificationReferenceAdded',
      data: {
        providerId: data.providerId,
        referenceId: data.referenceId,
        contact: { name, email },
        company,
        work,
        year,
        tokenHash: data.tokenHash,
        linkExpiresAt: linkExpiry(meta.now),
        addedAt: meta.now,
      },
    },
  ] satisfies CertificationEvent[];
}

function resend({ data, meta }: ResendCertificationReference, state: CertificationState) {
  assertProvider(meta, data.providerId);
  const reference = referenceIn(state, data.referenceId);
  if (reference.status !== 'sent') throw alreadyAnswered(reference.referenceId, reference.status);
  return [
    {
      type: 'CertificationReferenceLinkResent',
      data: {
        providerId: data.providerId,
        referenceId: data.referenceId,
        tokenHash: data.tokenHash,
        linkExpiresAt: linkExpiry(meta.now),
        resentAt: meta.now,
      },
    },
  ] satisfies CertificationEvent[];
}

function answer({ data, meta }: AnswerCertificationReference, state: CertificationState) {
  const reference = state.references.find((r) => r.referenceId === data.referenceId);
  if (!reference || reference.tokenHash !== data.tokenHash) throw linkInvalid();
  if (reference.status !== 'sent') throw alreadyAnswered(reference.referenceId, reference.status);
  if (meta.now >= reference.linkExpiresAt) throw linkExpired(reference.linkExpiresAt);
  const comment = optionalText(data.comment, 'comment', R.commentMaxLength);
  const base = { providerId: data.providerId, referenceId: data.referenceId, comment };
  return [
    data.answer === 'confirm'
      ? { type: 'CertificationReferenceConfirmed', data: { ...base, confirmedAt: meta.now } }
      : { type: 'CertificationReferenceDeclined', data: { ...base, declinedAt: meta.now } },
  ] satisfies CertificationEvent[];
}

function review(
  { data, meta }: ReviewCertificationReference,
  state: CertificationState,
): CertificationEvent[] {
  assertAdmin(meta);
  const reference = referenceIn(state, data.referenceId);
  const base = { providerId: data.providerId, referenceId: data.referenceId };
  if (data.decision === 'refuse') {
    const reason = parseReason(data.reason);
    if (reference.status !== 'confirmed')
      throw notConfirmed(reference.referenceId, reference.status);
    return [
      {
        type: 'CertificationReferenceRefused',
        data: { ...base, reason, refusedBy: meta.actorId, refusedAt: meta.now },
      },
    ];
  }
  const reason = optionalText(data.reason, 'reason', R.reasonMaxLength);
  if (reference.status !== 'confirmed') throw notConfirmed(reference.referenceId, reference.status);
  const approved: CertificationEvent = {
    type: 'CertificationReferenceApproved',
    data: { ...base, reason, approvedBy: meta.actorId, approvedAt: meta.now },
  };
  return [approved, ...certificationEarned(evolve(state, approved), data.providerId, meta.now)];
}

function count({ data, meta }: CountCertificationReview, state: CertificationState) {
  if (data.projectId in state.reviews) return [];
  const counted: CertificationEvent = {
    type: 'CertificationReviewCounted',
    data: {
      providerId: data.providerId,
      projectId: data.projectId,
      rating: data.rating,
      countedAt: meta.now,
    },
  };
  return [counted, ...certificationEarned(evolve(state, counted), data.providerId, meta.now)];
}

function withdraw({ data, meta }: WithdrawCertification, state: CertificationState) {
  assertAdmin(meta);
  const reason = parseReason(data.reason);
  if (state.status !== 'certified') throw notCertified(state.status);
  return [
    {
      type: 'ProviderCertificationWithdrawn',
      data: {
        providerId: data.providerId,
        reason,
        withdrawnBy: meta.actorId,
        withdrawnAt: meta.now,
      },
    },
  ] satisfies CertificationEvent[];
}

export function decide(
  command: CertificationCommand,
  state: CertificationState,
): CertificationEvent[] {
  switch (command.type) {
    case 'AddCertificationReference':
      return add(command, state);
    case 'ResendCertificationReference':
      return resend(command, state);
    case 'AnswerCertificationReference':
      return answer(command, state);
    case 'ReviewCertificationReference':
      return review(command, state);
    case 'CountCertificationReview':
      return count(command, state);
    case 'WithdrawCertification':
      return withdraw(command, state);
    default:
      return assertNever(command);
  }
}
