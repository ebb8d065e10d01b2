import type { Cents } from '../shared';
import type { ProjectFeeKind, ProjectFeesEvent } from './project-fees.events';

/** One kind's money: never charged twice, refunded at most what was charged. */
export interface ProjectFeeLine {
  chargeId: string;
  payerId: string;
  status: 'failed' | 'charged';
  /** What the last attempt asked for (the charge's amount once charged). */
  amountCents: Cents;
  chargedCents: Cents;
  refundedCents: Cents;
  paymentRef: string | null;
  chargedAt: string | null;
  failures: number;
  lastFailureCode: string | null;
  refundIds: string[];
}

export interface ProjectFeesState {
  projectId: string | null;
  lines: Partial<Record<ProjectFeeKind, ProjectFeeLine>>;
}

export function initialState(): ProjectFeesState {
  return { projectId: null, lines: {} };
}

const blankLine = (chargeId: string, payerId: string, amountCents: Cents): ProjectFeeLine => ({
  chargeId,
  payerId,
  status: 'failed',
  amountCents,
  chargedCents: 0,
  refundedCents: 0,
  paymentRef: null,
  chargedAt: null,
  failures: 0,
  lastFailureCode: null,
  refundIds: [],
});

/** Total, never throws. */
export function evolve(state: ProjectFeesState, event: ProjectFeesEvent): ProjectFeesState {
  const d = event.data;
  const line = state.lines[d.kind];
  switch (event.type) {
    case 'ProjectFeeCharged': {
      const e = event.data;
      const next: ProjectFeeLine = {
        ...(line ?? blankLine(e.chargeId, e.payerId, e.amountCents)),
        payerId: e.payerId,
        status: 'charged',
        amountCents: e.amountCents,
        chargedCents: e.amountCents,
        paymentRef: e.paymentRef,
        chargedAt: e.chargedAt,
      };
      return { projectId: e.projectId, lines: { ...state.lines, [e.kind]: next } };
    }
    case 'ProjectFeeChargeFailed': {
      const e = event.data;
      if (line?.status === 'charged') return state;
      const base = line ?? blankLine(e.chargeId, e.payerId, e.amountCents);
      const next: ProjectFeeLine = {
        ...base,
        payerId: e.payerId,
        amountCents: e.amountCents,
        failures: base.failures + 1,
        lastFailureCode: e.code,
      };
      return { projectId: e.projectId, lines: { ...state.lines, [e.kind]: next } };
    }
    case 'ProjectFeeRefunded': {
      const e = event.data;
      if (!line) return state;
      const next: ProjectFeeLine = {
        ...line,
        refundedCents: line.refundedCents + e.amountCents,
        refundIds: [...line.refundIds, e.refundId],
      };
      return { projectId: e.projectId, lines: { ...state.lines, [e.kind]: next } };
    }
    default:
      return state;
  }
}

/** What a charge still holds (charged − refunded); 0 when not charged. */
export const refundableCents = (line: ProjectFeeLine | undefined): Cents =>
  line && line.status === 'charged' ? line.chargedCents - line.refundedCents : 0;
