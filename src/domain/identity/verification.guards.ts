import type { CommandMeta } from '../shared';
import {
  cannotReviewOwnDocument,
  documentNotFound,
  documentNotInReview,
  notAReviewer,
  notTheProvider,
  unknownDocumentKind,
} from './verification.errors';
import {
  ASSOCIATION_DOCUMENT_KINDS,
  DOCUMENT_KINDS,
  DocumentKind,
  VerificationSubject,
} from './verification.events';
import type { VerificationState } from './verification.state';

const REVIEWER_ROLES = ['mediator', 'admin'];

export function providerIdOf(state: VerificationState, requested: string): string {
  return state.status === 'tracking' ? state.providerId : requested;
}

export function assertProvider(providerId: string, meta: CommandMeta): void {
  if (meta.actorId !== providerId) throw notTheProvider();
}

/** A provider file takes the provider's kinds, an association file the association's. */
export function parseKind(value: unknown, subject: VerificationSubject = 'provider'): DocumentKind {
  const kinds: readonly unknown[] =
    subject === 'association' ? ASSOCIATION_DOCUMENT_KINDS : DOCUMENT_KINDS;
  if (!kinds.includes(value)) throw unknownDocumentKind(value);
  return value as DocumentKind;
}

export function nonEmpty(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

/** A document exists only in a tracking state, so its provider id comes with it. */
export function findDocument(state: VerificationState, documentId: string) {
  const document = state.status === 'tracking' ? state.documents[documentId] : undefined;
  if (state.status !== 'tracking' || document === undefined) throw documentNotFound(documentId);
  return { providerId: state.providerId, document };
}

/** Staff review: mediators and admins, never on their own provider file. */
export function reviewable(state: VerificationState, documentId: string, meta: CommandMeta) {
  if (!REVIEWER_ROLES.includes(meta.actorRole)) throw notAReviewer();
  const found = findDocument(state, documentId);
  if (found.providerId === meta.actorId) throw cannotReviewOwnDocument();
  if (found.document.status !== 'submitted') {
    throw documentNotInReview(documentId, found.document.status);
  }
  return found;
}
