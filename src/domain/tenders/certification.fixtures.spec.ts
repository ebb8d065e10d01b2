import type { ActorRole } from '../shared';
import type { CertificationCommand } from './certification.commands';
import type { CertificationEvent } from './certification.events';

/** Givens of the certification specs (not a test file: jest runs only `*.unit.spec.ts`). */

export const PROVIDER_ID = 'provider-1';
export const ADMIN_ID = 'admin-1';
export const NOW = '2026-03-02T10:00:00.000Z';
export const LATER = '2026-03-10T10:00:00.000Z';
export const AFTER_EXPIRY = '2026-04-02T10:00:00.000Z';
export const HASH = 'hash-1';

export const meta = (role: ActorRole = 'provider', now = NOW, actorId = PROVIDER_ID) => ({
  now,
  actorId,
  actorRole: role,
});

export const add = (
  referenceId = 'ref-1',
  data: Record<string, unknown> = {},
  role: ActorRole = 'provider',
): CertificationCommand => ({
  type: 'AddCertificationReference',
  data: {
    providerId: PROVIDER_ID,
    referenceId,
    name: 'Claire Dubois',
    email: `${referenceId}@client.fr`,
    company: 'Atelier Dubois',
    work: 'Refonte du site vitrine',
    year: 2025,
    tokenHash: `hash-${referenceId}`,
    ...data,
  },
  meta: meta(role),
});

export const added = (referenceId = 'ref-1'): CertificationEvent => ({
  type: 'CertificationReferenceAdded',
  data: {
    providerId: PROVIDER_ID,
    referenceId,
    contact: { name: 'Claire Dubois', email: `${referenceId}@client.fr` },
    company: 'Atelier Dubois',
    work: 'Refonte du site vitrine',
    year: 2025,
    tokenHash: `hash-${referenceId}`,
    linkExpiresAt: '2026-04-01T10:00:00.000Z',
    addedAt: NOW,
  },
});

export const answer = (
  referenceId = 'ref-1',
  reply: 'confirm' | 'decline' = 'confirm',
  now = LATER,
  tokenHash = `hash-${referenceId}`,
): CertificationCommand => ({
  type: 'AnswerCertificationReference',
  data: {
    providerId: PROVIDER_ID,
    referenceId,
    tokenHash,
    answer: reply,
    comment: 'Très bon travail',
  },
  meta: { now, actorId: referenceId, actorRole: 'client' },
});

export const confirmed = (referenceId = 'ref-1'): CertificationEvent => ({
  type: 'CertificationReferenceConfirmed',
  data: { providerId: PROVIDER_ID, referenceId, comment: 'Très bon travail', confirmedAt: LATER },
});

export const review = (
  referenceId = 'ref-1',
  decision: 'approve' | 'refuse' = 'approve',
  reason?: unknown,
  role: ActorRole = 'admin',
): CertificationCommand => ({
  type: 'ReviewCertificationReference',
  data: { providerId: PROVIDER_ID, referenceId, decision, reason },
  meta: meta(role, LATER, ADMIN_ID),
});

export const approved = (referenceId = 'ref-1'): CertificationEvent => ({
  type: 'CertificationReferenceApproved',
  data: {
    providerId: PROVIDER_ID,
    referenceId,
    reason: null,
    approvedBy: ADMIN_ID,
    approvedAt: LATER,
  },
});

export const count = (projectId: string, rating: number): CertificationCommand => ({
  type: 'CountCertificationReview',
  data: { providerId: PROVIDER_ID, projectId, rating },
  meta: { now: LATER, actorId: 'system', actorRole: 'system' },
});

export const counted = (projectId: string, rating: number): CertificationEvent => ({
  type: 'CertificationReviewCounted',
  data: { providerId: PROVIDER_ID, projectId, rating, countedAt: LATER },
});

export const certifiedByReferences = (ids = ['ref-1', 'ref-2', 'ref-3']): CertificationEvent => ({
  type: 'ProviderCertified',
  data: {
    providerId: PROVIDER_ID,
    basis: 'references',
    referenceIds: ids,
    reviewedProjects: 0,
    averageRating: null,
    certifiedAt: LATER,
  },
});

export const withdrawn: CertificationEvent = {
  type: 'ProviderCertificationWithdrawn',
  data: {
    providerId: PROVIDER_ID,
    reason: 'Références invérifiables',
    withdrawnBy: ADMIN_ID,
    withdrawnAt: LATER,
  },
};

/** Three references confirmed by their clients. */
export const threeConfirmed = (): CertificationEvent[] =>
  ['ref-1', 'ref-2', 'ref-3'].flatMap((id) => [added(id), confirmed(id)]);
