import type { ActorRole } from '../shared';
import type { ProjectOfferState } from './offer.events';
import type { ProjectCommand } from './project.commands';
import type { ProjectEvent, ProjectTerms } from './project.events';

/** Givens of the project specs (not a test file: jest runs only `*.unit.spec.ts`). */

export const PROJECT_ID = 'project-1';
export const CLIENT_ID = 'client-1';
export const PROVIDER_ID = 'provider-1';
export const OTHER_PROVIDER_ID = 'provider-2';
export const OFFER_ID = 'offer-1';
export const NOW = '2026-03-02T10:00:00.000Z';
export const LATER = '2026-03-05T10:00:00.000Z';

export const meta = (actorId = CLIENT_ID, actorRole: ActorRole = 'client', now = NOW) => ({
  now,
  actorId,
  actorRole,
});
const asProvider = (id = PROVIDER_ID) => meta(id, 'provider', LATER);

export const postData = {
  projectId: PROJECT_ID,
  title: 'Refonte du site vitrine',
  description: 'Un site de 5 pages responsive, avec formulaire de contact et blog.',
  category: 'web-development',
  budgetMinCents: 100_000,
  budgetMaxCents: 300_000,
  wishedDeadline: '2026-04-30',
  attachmentFileIds: ['0b6a2c1e-1111-4a2b-9c3d-000000000001'],
};

export const postProject = (over: Record<string, unknown> = {}, m = meta()): ProjectCommand => ({
  type: 'PostProject',
  data: { ...postData, ...over },
  meta: m,
});

export const posted: ProjectEvent = {
  type: 'ProjectPosted',
  data: { ...postData, clientId: CLIENT_ID, postedAt: NOW },
};

export const offer = (providerId = PROVIDER_ID, amountCents = 200_000): ProjectOfferState => ({
  offerId: providerId === PROVIDER_ID ? OFFER_ID : 'offer-2',
  projectId: PROJECT_ID,
  providerId,
  amountCents,
  delayDays: 30,
  message: 'Je peux le faire.',
  madeAt: NOW,
  editedAt: null,
  readAt: null,
  readCurrent: false,
});

export const select = (over: Record<string, unknown> = {}, m = meta()): ProjectCommand => ({
  type: 'SelectProvider',
  data: {
    projectId: PROJECT_ID,
    providerId: PROVIDER_ID,
    offer: offer(),
    formula: 'base',
    ...over,
  } as Extract<ProjectCommand, { type: 'SelectProvider' }>['data'],
  meta: m,
});

export const terms = (over: Partial<ProjectTerms> = {}): ProjectTerms => ({
  amountCents: 200_000,
  delayDays: 30,
  formula: 'base',
  feePayer: 'client',
  ...over,
});

export const selected = (
  over: Partial<ProjectTerms> = {},
  providerId = PROVIDER_ID,
): ProjectEvent => ({
  type: 'ProjectProviderSelected',
  data: {
    projectId: PROJECT_ID,
    clientId: CLIENT_ID,
    providerId,
    offerId: providerId === PROVIDER_ID ? OFFER_ID : 'offer-2',
    terms: terms(over),
    selectedAt: NOW,
  },
});

export const confirm = (actor = asProvider()): ProjectCommand => ({
  type: 'ConfirmTerms',
  data: { projectId: PROJECT_ID },
  meta: actor,
});
export const decline = (
  reason: unknown = 'Délai trop court',
  actor = asProvider(),
): ProjectCommand => ({
  type: 'DeclineTerms',
  data: { projectId: PROJECT_ID, reason },
  meta: actor,
});

export const confirmed = (over: Partial<ProjectTerms> = {}): ProjectEvent => {
  const t = terms(over);
  return {
    type: 'ProjectTermsConfirmed',
    data: {
      projectId: PROJECT_ID,
      clientId: CLIENT_ID,
      providerId: PROVIDER_ID,
      terms: t,
      fees: { finderFeeCents: 10_000, r0OptionCents: t.formula === 'r0' ? 4_000 : 0 },
      confirmedAt: LATER,
    },
  };
};

export const declined: ProjectEvent = {
  type: 'ProjectTermsDeclined',
  data: {
    projectId: PROJECT_ID,
    providerId: PROVIDER_ID,
    reason: 'Délai trop court',
    declinedAt: LATER,
  },
};

export const propose = (
  toCents: unknown = 150_000,
  actor = meta(),
  escrowFundedCents?: number,
): ProjectCommand => ({
  type: 'ProposeAmountRevision',
  data: {
    projectId: PROJECT_ID,
    revisionId: 'rev-1',
    toCents,
    reason: 'Moins de pages',
    escrowFundedCents,
  },
  meta: actor,
});

export const proposed = (proposedBy = CLIENT_ID): ProjectEvent => ({
  type: 'ProjectAmountRevisionProposed',
  data: {
    projectId: PROJECT_ID,
    revisionId: 'rev-1',
    fromCents: 200_000,
    toCents: 150_000,
    proposedBy,
    reason: 'Moins de pages',
    proposedAt: NOW,
  },
});

export const answer = (
  type: 'AcceptAmountRevision' | 'RejectAmountRevision',
  actor = asProvider(),
  revisionId = 'rev-1',
): ProjectCommand => ({ type, data: { projectId: PROJECT_ID, revisionId }, meta: actor });

export const finish = (actor = meta()): ProjectCommand => ({
  type: 'FinishProject',
  data: { projectId: PROJECT_ID },
  meta: actor,
});

export const providerMeta = asProvider;

export const finished: ProjectEvent = {
  type: 'ProjectFinished',
  data: { projectId: PROJECT_ID, finishedBy: CLIENT_ID, finishedAt: LATER },
};
