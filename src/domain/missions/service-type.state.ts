import type { ServiceTypeDetails, ServiceTypeEvent } from './service-type.events';

export type ServiceTypeStatus = 'active' | 'retired';

export const SERVICE_TYPE_STATUS_LABELS: Readonly<Record<ServiceTypeStatus, string>> = {
  active: 'Actif',
  retired: 'Retiré',
};

export interface ExistingServiceType {
  status: ServiceTypeStatus;
  serviceTypeId: string;
  details: ServiceTypeDetails;
}

export type ServiceTypeState = { status: 'none' } | ExistingServiceType;

export const initialState = (): ServiceTypeState => ({ status: 'none' });

export function evolve(state: ServiceTypeState, event: ServiceTypeEvent): ServiceTypeState {
  switch (event.type) {
    case 'ServiceTypeCreated': {
      if (state.status !== 'none') return state;
      const { serviceTypeId, label, description, category } = event.data;
      return { status: 'active', serviceTypeId, details: { label, description, category } };
    }
    case 'ServiceTypeUpdated': {
      if (state.status === 'none') return state;
      const { label, description, category } = event.data;
      return { ...state, details: { label, description, category } };
    }
    case 'ServiceTypeRetired':
      if (state.status === 'none') return state;
      return { ...state, status: 'retired' };
    default:
      event satisfies never;
      return state;
  }
}
