import { assertNever } from '../shared';
import { parseAssociationRegistration, sameRegistration } from './association-registration';
import type {
  DeclareAssociationRegistration,
  ExpireDocument,
  SubmitDocument,
  VerificationCommand,
} from './verification.commands';
import { addCalendarMonths, isAtOrAfter } from './calendar';
import {
  documentAlreadySubmitted,
  documentDoesNotExpire,
  documentNotApproved,
  documentNotYetExpired,
  invalidDocumentId,
  invalidSalaryPortage,
  invalidUploadRef,
  rejectionReasonRequired,
  verificationSystemOnly,
} from './verification.errors';
import { DOCUMENT_VALIDITY_MONTHS, VerificationEvent } from './verification.events';
import {
  assertProvider,
  findDocument,
  nonEmpty,
  parseKind,
  providerIdOf,
  reviewable,
} from './verification.guards';
import { VerificationState } from './verification.state';

function submit({ data, meta }: SubmitDocument, state: VerificationState): VerificationEvent[] {
  const providerId = providerIdOf(state, data.providerId);
  assertProvider(providerId, meta);
  if (!nonEmpty(data.documentId)) throw invalidDocumentId();
  const kind = parseKind(data.kind, data.subject === 'association' ? 'association' : 'provider');
  if (!nonEmpty(data.uploadRef)) throw invalidUploadRef();
  const existing = state.status === 'tracking' ? state.documents[data.documentId] : undefined;
  if (existing !== undefined) {
    // A retried upload with the same id and file is the same fact.
    if (existing.kind === kind && existing.uploadRef === data.uploadRef) return [];
    throw documentAlreadySubmitted(data.documentId, existing.status);
  }
  const submitted = { providerId, documentId: data.documentId, kind, uploadRef: data.uploadRef };
  return [{ type: 'DocumentSubmitted', data: { ...submitted, submittedAt: meta.now } }];
}

function expire({ data, meta }: ExpireDocument, state: VerificationState): VerificationEvent[] {
  if (meta.actorRole !== 'system') throw verificationSystemOnly();
  const { providerId, document } = findDocument(state, data.documentId);
  if (document.status === 'expired') return [];
  if (document.status !== 'approved') throw documentNotApproved(data.documentId, document.status);
  if (document.expiresAt === null) throw documentDoesNotExpire(data.documentId, document.status);
  if (!isAtOrAfter(meta.now, document.expiresAt)) {
    throw documentNotYetExpired(data.documentId, document.status, document.expiresAt);
  }
  const { documentId, kind, expiresAt } = document;
  return [
    { type: 'DocumentExpired', data: { providerId, documentId, kind, expiredAt: expiresAt } },
  ];
}

function declareAssociation(
  { data, meta }: DeclareAssociationRegistration,
  state: VerificationState,
): VerificationEvent[] {
  const accountId = providerIdOf(state, data.accountId);
  assertProvider(accountId, meta);
  const parsed = parseAssociationRegistration(data);
  const current = state.status === 'tracking' ? state.association : undefined;
  if (sameRegistration(current, parsed)) return [];
  const { contactName, ...registration } = parsed;
  return [
    {
      type: 'AssociationRegistrationDeclared',
      data: { accountId, ...registration, declaredAt: meta.now, personal: { contactName } },
    },
  ];
}

export function decide(
  command: VerificationCommand,
  state: VerificationState,
): VerificationEvent[] {
  const { meta } = command;
  switch (command.type) {
    case 'SubmitDocument':
      return submit(command, state);
    case 'DeclareSalaryPortage': {
      const providerId = providerIdOf(state, command.data.providerId);
      assertProvider(providerId, meta);
      const salaryPortage: unknown = command.data.salaryPortage;
      if (typeof salaryPortage !== 'boolean') throw invalidSalaryPortage();
      const current = state.status === 'tracking' && state.salaryPortage;
      if (state.status === 'tracking' && current === salaryPortage) return [];
      const data = { providerId, salaryPortage, declaredAt: meta.now };
      return [{ type: 'SalaryPortageDeclared', data }];
    }
    case 'ApproveDocument': {
      const { providerId, document } = reviewable(state, command.data.documentId, meta);
      const months = DOCUMENT_VALIDITY_MONTHS[document.kind];
      const expiresAt = months === null ? null : addCalendarMonths(meta.now, months);
      const { documentId, kind } = document;
      const reviewed = { providerId, documentId, kind, reviewedBy: meta.actorId };
      return [{ type: 'DocumentApproved', data: { ...reviewed, approvedAt: meta.now, expiresAt } }];
    }
    case 'RejectDocument': {
      const { providerId, document } = reviewable(state, command.data.documentId, meta);
      const reason = typeof command.data.reason === 'string' ? command.data.reason.trim() : '';
      if (reason === '') throw rejectionReasonRequired();
      const { documentId, kind } = document;
      const reviewed = { providerId, documentId, kind, reviewedBy: meta.actorId };
      return [{ type: 'DocumentRejected', data: { ...reviewed, reason, rejectedAt: meta.now } }];
    }
    case 'ExpireDocument':
      return expire(command, state);
    case 'DeclareAssociationRegistration':
      return declareAssociation(command, state);
    default:
      return assertNever(command);
  }
}
