import type {
  CertificationBasis,
  CertificationEvent,
  ReferenceContact,
} from './certification.events';

/**
 * A reference: `sent` (awaiting the client's answer through the link) → `confirmed` | `declined`;
 * a confirmed one is then `approved` or `refused` by the SCP.
 */
export type ReferenceStatus = 'sent' | 'confirmed' | 'declined' | 'approved' | 'refused';

export const REFERENCE_STATUS_LABELS: Record<ReferenceStatus, string> = {
  sent: 'En attente de la réponse du client',
  confirmed: 'Confirmée par le client, en cours de vérification par le SCP',
  declined: 'Non confirmée par le client',
  approved: 'Validée par le SCP',
  refused: 'Refusée par le SCP',
};

/** `uncertified` until 3 approved references or the reputation threshold; staff may withdraw. */
export type CertificationStatus = 'uncertified' | 'certified' | 'withdrawn';

export const CERTIFICATION_STATUS_LABELS: Record<CertificationStatus, string> = {
  uncertified: 'Non certifié',
  certified: 'Prestataire Certifié',
  withdrawn: 'Certification retirée',
};

export interface CertificationReference {
  referenceId: string;
  contact: ReferenceContact;
  company: string;
  work: string;
  year: number;
  status: ReferenceStatus;
  tokenHash: string;
  linkExpiresAt: string;
  addedAt: string;
  lastSentAt: string;
  sendCount: number;
  answerComment: string | null;
  answeredAt: string | null;
  reviewReason: string | null;
  reviewedBy: string | null;
  reviewedAt: string | null;
}

export interface CertificationState {
  status: CertificationStatus;
  providerId: string | null;
  /** In the order they were added. */
  references: CertificationReference[];
  /** Approved references that count towards the next certification (reset by a withdrawal). */
  countingApprovals: string[];
  /** Client ratings of finished projects, by project id. */
  reviews: Record<string, number>;
  /** Client reviews counted since the last withdrawal (the reputation path needs a new one). */
  reviewsSinceWithdrawal: number;
  basis: CertificationBasis | null;
  certifiedAt: string | null;
  withdrawnAt: string | null;
  withdrawalReason: string | null;
}

export function initialState(): CertificationState {
  return {
    status: 'uncertified',
    providerId: null,
    references: [],
    countingApprovals: [],
    reviews: {},
    reviewsSinceWithdrawal: 0,
    basis: null,
    certifiedAt: null,
    withdrawnAt: null,
    withdrawalReason: null,
  };
}

/** Client-reviewed finished projects and their average, rounded to 2 decimals. */
export function reputationOf(state: CertificationState): {
  reviewedProjects: number;
  averageRating: number | null;
} {
  const ratings = Object.values(state.reviews);
  if (ratings.length === 0) return { reviewedProjects: 0, averageRating: null };
  const sum = ratings.reduce((a, b) => a + b, 0);
  return {
    reviewedProjects: ratings.length,
    averageRating: Math.round((sum * 100) / ratings.length) / 100,
  };
}

/** A reference still waiting on someone: the client (`sent`) or the SCP (`confirmed`). */
export const isOpen = (r: CertificationReference): boolean =>
  r.status === 'sent' || r.status === 'confirmed';

const patch = (
  state: CertificationState,
  referenceId: string,
  change: (r: CertificationReference) => CertificationReference,
): CertificationState => ({
  ...state,
  references: state.references.map((r) => (r.referenceId === referenceId ? change(r) : r)),
});

/** Total, never throws: an event that does not fit leaves the state as is. */
export function evolve(state: CertificationState, event: CertificationEvent): CertificationState {
  switch (event.type) {
    case 'CertificationReferenceAdded': {
      const d = event.data;
      if (state.references.some((r) => r.referenceId === d.referenceId)) return state;
      const reference: CertificationReference = {
        referenceId: d.referenceId,
        contact: d.contact,
        company: d.company,
        work: d.work,
        year: d.year,
        status: 'sent',
        tokenHash: d.tokenHash,
        linkExpiresAt: d.linkExpiresAt,
        addedAt: d.addedAt,
        lastSentAt: d.addedAt,
        sendCount: 1,
        answerComment: null,
        answeredAt: null,
        reviewReason: null,
        reviewedBy: null,
        reviewedAt: null,
      };
      return { ...state, providerId: d.providerId, references: [...state.references, reference] };
    }
    case 'CertificationReferenceLinkResent': {
      const d = event.data;
      return patch(state, d.referenceId, (r) => ({
        ...r,
        tokenHash: d.tokenHash,
        linkExpiresAt: d.linkExpiresAt,
        lastSentAt: d.resentAt,
        sendCount: r.sendCount + 1,
      }));
    }
    case 'CertificationReferenceConfirmed':
    case 'CertificationReferenceDeclined': {
      const d = event.data;
      const at =
        event.type === 'CertificationReferenceConfirmed'
          ? event.data.confirmedAt
          : event.data.declinedAt;
      return patch(state, d.referenceId, (r) => ({
        ...r,
        status: event.type === 'CertificationReferenceConfirmed' ? 'confirmed' : 'declined',
        answerComment: d.comment,
        answeredAt: at,
      }));
    }
    case 'CertificationReferenceApproved': {
      const d = event.data;
      const next = patch(state, d.referenceId, (r) => ({
        ...r,
        status: 'approved',
        reviewReason: d.reason,
        reviewedBy: d.approvedBy,
        reviewedAt: d.approvedAt,
      }));
      return { ...next, countingApprovals: [...state.countingApprovals, d.referenceId] };
    }
    case 'CertificationReferenceRefused': {
      const d = event.data;
      return patch(state, d.referenceId, (r) => ({
        ...r,
        status: 'refused',
        reviewReason: d.reason,
        reviewedBy: d.refusedBy,
        reviewedAt: d.refusedAt,
      }));
    }
    case 'CertificationReviewCounted': {
      const d = event.data;
      if (d.projectId in state.reviews) return state;
      return {
        ...state,
        providerId: d.providerId,
        reviews: { ...state.reviews, [d.projectId]: d.rating },
        reviewsSinceWithdrawal: state.reviewsSinceWithdrawal + 1,
      };
    }
    case 'ProviderCertified':
      return {
        ...state,
        providerId: event.data.providerId,
        status: 'certified',
        basis: event.data.basis,
        certifiedAt: event.data.certifiedAt,
        withdrawnAt: null,
        withdrawalReason: null,
      };
    case 'ProviderCertificationWithdrawn':
      if (state.status !== 'certified') return state;
      return {
        ...state,
        status: 'withdrawn',
        withdrawnAt: event.data.withdrawnAt,
        withdrawalReason: event.data.reason,
        countingApprovals: [],
        reviewsSinceWithdrawal: 0,
      };
    default:
      event satisfies never;
      return state;
  }
}
