import type { PartnershipEvent } from './partnership.events';

export type PartnershipState =
  | { status: 'none' }
  | {
      status: 'partner';
      associationId: string;
      name: string;
      since: string;
      grantedBy: string;
      /** Earlier partnerships of the same association, oldest first. */
      periods: PartnershipPeriod[];
    }
  | {
      status: 'ended';
      associationId: string;
      name: string;
      endedAt: string;
      periods: PartnershipPeriod[];
    };

export interface PartnershipPeriod {
  from: string;
  to: string;
}

export type PartnershipStatus = PartnershipState['status'];

export const PARTNERSHIP_STATUS_LABELS: Record<PartnershipStatus, string> = {
  none: 'Non partenaire',
  partner: 'Association partenaire',
  ended: 'Partenariat terminé',
};

export function initialState(): PartnershipState {
  return { status: 'none' };
}

/** Total, never throws: an event that does not fit the status leaves the state as is. */
export function evolve(state: PartnershipState, event: PartnershipEvent): PartnershipState {
  switch (event.type) {
    case 'AssociationPartnershipGranted': {
      if (state.status === 'partner') return state;
      const { associationId, name, grantedAt, grantedBy } = event.data;
      const periods = state.status === 'ended' ? state.periods : [];
      return { status: 'partner', associationId, name, since: grantedAt, grantedBy, periods };
    }
    case 'AssociationPartnershipEnded': {
      if (state.status !== 'partner') return state;
      const { endedAt } = event.data;
      return {
        status: 'ended',
        associationId: state.associationId,
        name: state.name,
        endedAt,
        periods: [...state.periods, { from: state.since, to: endedAt }],
      };
    }
    default:
      event satisfies never;
      return state;
  }
}
