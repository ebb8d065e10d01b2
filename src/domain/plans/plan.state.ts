import type { PlanEvent, PlanKind, PlanTerms } from './plan.events';

export type PlanStatus = 'active' | 'retired';

/** Shown to staff and buyers, in French. */
export const PLAN_STATUS_LABELS: Readonly<Record<PlanStatus, string>> = {
  active: 'Disponible',
  retired: 'Retiré',
};

export const PLAN_KIND_LABELS: Readonly<Record<PlanKind, string>> = {
  pro: 'Abonnement Pro',
  credits: 'Abonnement à crédits',
  hour_pack: 'Pack horaire',
};

export interface ExistingPlan {
  status: PlanStatus;
  planId: string;
  kind: PlanKind;
  name: string;
  description: string;
  /** 1 at definition, +1 at each revision. */
  version: number;
  terms: PlanTerms;
}

export type PlanState = { status: 'none' } | ExistingPlan;

export const initialState = (): PlanState => ({ status: 'none' });

/** Total: an event out of order (a revision before the definition, a repeated one) changes nothing. */
export function evolve(state: PlanState, event: PlanEvent): PlanState {
  switch (event.type) {
    case 'PlanDefined': {
      if (state.status !== 'none') return state;
      const { planId, kind, name, description, terms } = event.data;
      return { status: 'active', planId, kind, name, description, version: 1, terms };
    }
    case 'PlanRevised': {
      if (state.status === 'none' || event.data.version <= state.version) return state;
      const { version, name, description, terms } = event.data;
      return { ...state, version, name, description, terms };
    }
    case 'PlanRetired':
      if (state.status === 'none') return state;
      return { ...state, status: 'retired' };
    default:
      event satisfies never;
      return state;
  }
}
