import { AssociationRegistration, DocumentKind, VerificationEvent } from './verification.events';

export type DocumentStatus = 'submitted' | 'approved' | 'rejected' | 'expired';

export const DOCUMENT_STATUS_LABELS: Record<DocumentStatus, string> = {
  submitted: 'En attente de vérification',
  approved: 'Validé',
  rejected: 'Refusé',
  expired: 'Expiré',
};

export interface VerificationDocument {
  documentId: string;
  kind: DocumentKind;
  uploadRef: string;
  status: DocumentStatus;
  submittedAt: string;
  reviewedBy: string | null;
  reviewedAt: string | null;
  expiresAt: string | null;
  rejectionReason: string | null;
}

export type VerificationState =
  | { status: 'none' }
  | {
      status: 'tracking';
      providerId: string;
      salaryPortage: boolean;
      /** By document id, in submission order. */
      documents: Record<string, VerificationDocument>;
      /** Set once the account declared association registration details (issue 18). */
      association?: DeclaredAssociation;
    };

export interface DeclaredAssociation extends AssociationRegistration {
  /** Personal data of the contact person; reads "[erased]" once the account is erased. */
  contactName: string;
  declaredAt: string;
}

export type TrackingVerification = Extract<VerificationState, { status: 'tracking' }>;

export function initialState(): VerificationState {
  return { status: 'none' };
}

function tracking(state: VerificationState, providerId: string): TrackingVerification {
  return state.status === 'tracking'
    ? state
    : { status: 'tracking', providerId, salaryPortage: false, documents: {} };
}

function withDocument(
  state: VerificationState,
  documentId: string,
  change: (document: VerificationDocument) => VerificationDocument,
): VerificationState {
  if (state.status !== 'tracking') return state;
  const document = state.documents[documentId];
  if (document === undefined) return state;
  return { ...state, documents: { ...state.documents, [documentId]: change(document) } };
}

export function evolve(state: VerificationState, event: VerificationEvent): VerificationState {
  switch (event.type) {
    case 'SalaryPortageDeclared':
      return { ...tracking(state, event.data.providerId), salaryPortage: event.data.salaryPortage };
    case 'DocumentSubmitted': {
      const current = tracking(state, event.data.providerId);
      const { documentId, kind, uploadRef, submittedAt } = event.data;
      if (current.documents[documentId] !== undefined) return state;
      const document: VerificationDocument = {
        documentId,
        kind,
        uploadRef,
        status: 'submitted',
        submittedAt,
        reviewedBy: null,
        reviewedAt: null,
        expiresAt: null,
        rejectionReason: null,
      };
      return { ...current, documents: { ...current.documents, [documentId]: document } };
    }
    case 'DocumentApproved': {
      const { reviewedBy, approvedAt, expiresAt } = event.data;
      return withDocument(state, event.data.documentId, (d) => ({
        ...d,
        status: 'approved',
        reviewedBy,
        reviewedAt: approvedAt,
        expiresAt,
      }));
    }
    case 'DocumentRejected': {
      const { reviewedBy, rejectedAt, reason } = event.data;
      return withDocument(state, event.data.documentId, (d) => ({
        ...d,
        status: 'rejected',
        reviewedBy,
        reviewedAt: rejectedAt,
        rejectionReason: reason,
      }));
    }
    case 'DocumentExpired':
      return withDocument(state, event.data.documentId, (d) => ({ ...d, status: 'expired' }));
    case 'AssociationRegistrationDeclared': {
      const { officialName, rnaNumber, siren, address, purpose, declaredAt } = event.data;
      const contactName = event.data.personal?.contactName ?? '';
      return {
        ...tracking(state, event.data.accountId),
        association: {
          officialName,
          rnaNumber,
          siren: siren ?? null,
          address,
          purpose,
          contactName,
          declaredAt,
        },
      };
    }
    default:
      // Exhaustive at compile time, yet an unknown stored type leaves the state as is: evolve never
      // throws.
      event satisfies never;
      return state;
  }
}
