import type { PotRule, SolidarityMonthEvent } from './solidarity-month.events';

export interface ShareState {
  name: string;
  votes: number;
  amountCents: number;
  credited: boolean;
  payout: 'none' | 'requested' | 'kept_in_wallet';
  payoutId: string | null;
}

export type SolidarityMonthState =
  | { status: 'open' }
  | {
      status: 'closed';
      month: string;
      potCents: number;
      distributedCents: number;
      carriedOverCents: number;
      rule: PotRule;
      shares: Record<string, ShareState>;
    };

export const initialSolidarityMonth = (): SolidarityMonthState => ({ status: 'open' });

export function evolveSolidarityMonth(
  state: SolidarityMonthState,
  event: SolidarityMonthEvent,
): SolidarityMonthState {
  if (event.type === 'SolidarityMonthClosed') {
    if (state.status === 'closed') return state;
    const d = event.data;
    const shares: Record<string, ShareState> = {};
    for (const s of d.shares)
      shares[s.associationId] = {
        name: s.name,
        votes: s.votes,
        amountCents: s.amountCents,
        credited: false,
        payout: 'none',
        payoutId: null,
      };
    return {
      status: 'closed',
      month: d.month,
      potCents: d.potCents,
      distributedCents: d.distributedCents,
      carriedOverCents: d.carriedOverCents,
      rule: d.rule,
      shares,
    };
  }
  if (state.status !== 'closed') return state;
  const share = state.shares[event.data.associationId];
  if (!share) return state;
  const with_ = (next: ShareState): SolidarityMonthState => ({
    ...state,
    shares: { ...state.shares, [event.data.associationId]: next },
  });
  switch (event.type) {
    case 'SolidarityShareCredited':
      return with_({ ...share, credited: true });
    case 'SolidaritySharePayoutRequested':
      return with_({ ...share, payout: 'requested', payoutId: event.data.payoutId });
    case 'SolidarityShareKeptInWallet':
      return share.payout === 'requested' ? state : with_({ ...share, payout: 'kept_in_wallet' });
    default:
      event satisfies never;
      return state;
  }
}
