import { assertNever, type CommandMeta } from '../shared';
import type {
  AcceptAmountRevision,
  ConfirmTerms,
  DeclineTerms,
  FinishProject,
  PostProject,
  ProjectCommand,
  ProposeAmountRevision,
  RejectAmountRevision,
  SelectProvider,
  WithdrawProject,
} from './project.commands';
import {
  noOffer,
  noSuchRevision,
  notAParty,
  ownerOnly,
  ownRevision,
  projectExists,
  projectNotFound,
  projectNotOpen,
  projectNotSelected,
  projectNotSigned,
  providerDeclined,
  revisionBelowFunded,
  revisionNotLower,
  revisionPending,
  selectedProviderOnly,
} from './project.errors';
import type { ProjectEvent } from './project.events';
import { projectFees } from './project-fees';
import {
  assertClientRole,
  parseAmount,
  parseAttachments,
  parseBudget,
  parseCategory,
  parseDelay,
  parseDescription,
  parseFeePayer,
  parseFormula,
  parseReason,
  parseRevisionAmount,
  parseTitle,
  parseWishedDeadline,
} from './project.guards';
import type { ProjectBrief, ProjectState } from './project.state';

type Posted = ProjectState & { brief: ProjectBrief };

function existing(state: ProjectState, projectId: string): Posted {
  if (state.status === 'none' || !state.brief) throw projectNotFound(projectId);
  return state as Posted;
}

/** The client who posted it; anyone else learns nothing (404 at the HTTP layer). */
function asOwner(state: ProjectState, projectId: string, meta: CommandMeta): Posted {
  const project = existing(state, projectId);
  if (project.brief.clientId === meta.actorId) {
    if (meta.actorRole !== 'client') throw ownerOnly();
    return project;
  }
  if (project.providerId === meta.actorId) throw ownerOnly();
  throw notAParty(projectId);
}

/** The provider selected (or who signed); the client gets 403, anyone else 404. */
function asSelectedProvider(state: ProjectState, projectId: string, meta: CommandMeta): Posted {
  const project = existing(state, projectId);
  if (project.providerId && project.providerId === meta.actorId) return project;
  if (project.brief.clientId === meta.actorId) throw selectedProviderOnly();
  throw notAParty(projectId);
}

function asParty(state: ProjectState, projectId: string, meta: CommandMeta): Posted {
  const project = existing(state, projectId);
  if (project.brief.clientId === meta.actorId || project.providerId === meta.actorId)
    return project;
  throw notAParty(projectId);
}

function post({ data, meta }: PostProject, state: ProjectState): ProjectEvent[] {
  assertClientRole(meta);
  if (state.status !== 'none') throw projectExists(data.projectId, state.status);
  const title = parseTitle(data.title);
  const description = parseDescription(data.description);
  const category = parseCategory(data.category);
  const budget = parseBudget(data.budgetMinCents, data.budgetMaxCents);
  const wishedDeadline = parseWishedDeadline(data.wishedDeadline, meta.now);
  const attachmentFileIds = parseAttachments(data.attachmentFileIds);
  return [
    {
      type: 'ProjectPosted',
      data: {
        projectId: data.projectId,
        clientId: meta.actorId,
        title,
        description,
        category,
        budgetMinCents: budget.min,
        budgetMaxCents: budget.max,
        wishedDeadline,
        attachmentFileIds,
        postedAt: meta.now,
      },
    },
  ];
}

function withdraw({ data, meta }: WithdrawProject, state: ProjectState): ProjectEvent[] {
  const project = asOwner(state, data.projectId, meta);
  const reason = parseReason(data.reason);
  if (project.status !== 'open') throw projectNotOpen(data.projectId, project.status);
  return [
    {
      type: 'ProjectWithdrawn',
      data: {
        projectId: data.projectId,
        clientId: meta.actorId,
        reason,
        withdrawnAt: meta.now,
      },
    },
  ];
}

function select({ data, meta }: SelectProvider, state: ProjectState): ProjectEvent[] {
  const project = asOwner(state, data.projectId, meta);
  if (project.status !== 'open') throw projectNotOpen(data.projectId, project.status);
  const formula = parseFormula(data.formula);
  const feePayer = parseFeePayer(data.feePayer);
  if (project.declinedProviderIds.includes(data.providerId))
    throw providerDeclined(data.providerId);
  const offer = data.offer;
  if (!offer || offer.projectId !== data.projectId || offer.providerId !== data.providerId)
    throw noOffer(data.providerId);
  const amountCents =
    data.amountCents === undefined || data.amountCents === null
      ? offer.amountCents
      : parseAmount(data.amountCents);
  const delayDays =
    data.delayDays === undefined || data.delayDays === null
      ? offer.delayDays
      : parseDelay(data.delayDays);
  return [
    {
      type: 'ProjectProviderSelected',
      data: {
        projectId: data.projectId,
        clientId: meta.actorId,
        providerId: data.providerId,
        offerId: offer.offerId,
        terms: { amountCents, delayDays, formula, feePayer },
        selectedAt: meta.now,
      },
    },
  ];
}

function confirm({ data, meta }: ConfirmTerms, state: ProjectState): ProjectEvent[] {
  const project = asSelectedProvider(state, data.projectId, meta);
  if (project.status !== 'selected' || !project.terms)
    throw projectNotSelected(data.projectId, project.status);
  const terms = project.terms;
  return [
    {
      type: 'ProjectTermsConfirmed',
      data: {
        projectId: data.projectId,
        clientId: project.brief.clientId,
        providerId: meta.actorId,
        terms,
        fees: projectFees(terms.amountCents, terms.formula),
        confirmedAt: meta.now,
      },
    },
  ];
}

function decline({ data, meta }: DeclineTerms, state: ProjectState): ProjectEvent[] {
  const project = asSelectedProvider(state, data.projectId, meta);
  const reason = parseReason(data.reason);
  if (project.status !== 'selected') throw projectNotSelected(data.projectId, project.status);
  return [
    {
      type: 'ProjectTermsDeclined',
      data: { projectId: data.projectId, providerId: meta.actorId, reason, declinedAt: meta.now },
    },
  ];
}

function signed(project: Posted, projectId: string) {
  if (project.status !== 'signed' || !project.terms || !project.fees)
    throw projectNotSigned(projectId, project.status);
  return { terms: project.terms, fees: project.fees };
}

function propose({ data, meta }: ProposeAmountRevision, state: ProjectState): ProjectEvent[] {
  const project = asParty(state, data.projectId, meta);
  const toCents = parseRevisionAmount(data.toCents);
  const reason = parseReason(data.reason);
  const { terms } = signed(project, data.projectId);
  if (project.pendingRevision)
    throw revisionPending(data.projectId, project.pendingRevision.revisionId);
  if (toCents >= terms.amountCents) throw revisionNotLower(terms.amountCents, toCents);
  const funded = data.escrowFundedCents ?? 0;
  if (terms.formula === 'r0' && toCents < funded) throw revisionBelowFunded(toCents, funded);
  return [
    {
      type: 'ProjectAmountRevisionProposed',
      data: {
        projectId: data.projectId,
        revisionId: data.revisionId,
        fromCents: terms.amountCents,
        toCents,
        proposedBy: meta.actorId,
        reason,
        proposedAt: meta.now,
      },
    },
  ];
}

function pendingFor(project: Posted, projectId: string, revisionId: string, meta: CommandMeta) {
  signed(project, projectId);
  const pending = project.pendingRevision;
  if (!pending || pending.revisionId !== revisionId) throw noSuchRevision(projectId, revisionId);
  if (pending.proposedBy === meta.actorId) throw ownRevision();
  return pending;
}

function accept({ data, meta }: AcceptAmountRevision, state: ProjectState): ProjectEvent[] {
  const project = asParty(state, data.projectId, meta);
  const pending = pendingFor(project, data.projectId, data.revisionId, meta);
  const { terms, fees } = signed(project, data.projectId);
  return [
    {
      type: 'ProjectAmountRevised',
      data: {
        projectId: data.projectId,
        revisionId: pending.revisionId,
        fromCents: pending.fromCents,
        toCents: pending.toCents,
        acceptedBy: meta.actorId,
        fees: projectFees(pending.toCents, terms.formula),
        previousFees: fees,
        revisedAt: meta.now,
      },
    },
  ];
}

function reject({ data, meta }: RejectAmountRevision, state: ProjectState): ProjectEvent[] {
  const project = asParty(state, data.projectId, meta);
  const pending = pendingFor(project, data.projectId, data.revisionId, meta);
  return [
    {
      type: 'ProjectAmountRevisionRejected',
      data: {
        projectId: data.projectId,
        revisionId: pending.revisionId,
        rejectedBy: meta.actorId,
        rejectedAt: meta.now,
      },
    },
  ];
}

function finish({ data, meta }: FinishProject, state: ProjectState): ProjectEvent[] {
  const project = asOwner(state, data.projectId, meta);
  signed(project, data.projectId);
  if (project.pendingRevision)
    throw revisionPending(data.projectId, project.pendingRevision.revisionId);
  return [
    {
      type: 'ProjectFinished',
      data: { projectId: data.projectId, finishedBy: meta.actorId, finishedAt: meta.now },
    },
  ];
}

export function decide(command: ProjectCommand, state: ProjectState): ProjectEvent[] {
  switch (command.type) {
    case 'PostProject':
      return post(command, state);
    case 'WithdrawProject':
      return withdraw(command, state);
    case 'SelectProvider':
      return select(command, state);
    case 'ConfirmTerms':
      return confirm(command, state);
    case 'DeclineTerms':
      return decline(command, state);
    case 'ProposeAmountRevision':
      return propose(command, state);
    case 'AcceptAmountRevision':
      return accept(command, state);
    case 'RejectAmountRevision':
      return reject(command, state);
    case 'FinishProject':
      return finish(command, state);
    default:
      return assertNever(command);
  }
}
