import type { SolidarityTypeDetails, SolidarityTypeEvent } from './solidarity-type.events';

export type SolidarityTypeStatus = 'active' | 'retired';

export const SOLIDARITY_TYPE_STATUS_LABELS: Readonly<Record<SolidarityTypeStatus, string>> = {
  active: 'Actif',
  retired: 'Retiré',
};

export interface ExistingSolidarityType {
  status: SolidarityTypeStatus;
  solidarityTypeId: string;
  details: SolidarityTypeDetails;
}

export type SolidarityTypeState = { status: 'none' } | ExistingSolidarityType;

export const initialState = (): SolidarityTypeState => ({ status: 'none' });

export function evolve(
  state: SolidarityTypeState,
  event: SolidarityTypeEvent,
): SolidarityTypeState {
  switch (event.type) {
    case 'SolidarityTypeDefined': {
      if (state.status !== 'none') return state;
      const { solidarityTypeId, label, description } = event.data;
      return { status: 'active', solidarityTypeId, details: { label, description } };
    }
    case 'SolidarityTypeRevised': {
      if (state.status === 'none') return state;
      const { label, description } = event.data;
      return { ...state, details: { label, description } };
    }
    case 'SolidarityTypeRetired':
      if (state.status === 'none') return state;
      return { ...state, status: 'retired' };
    default:
      event satisfies never;
      return state;
  }
}
