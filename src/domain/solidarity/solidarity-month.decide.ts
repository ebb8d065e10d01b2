import { assertNever } from '../shared';
import { potOf, sharePot } from './pot-shares';
import type {
  CloseSolidarityMonth,
  RecordShareCredited,
  RecordShareKeptInWallet,
  RecordSharePayout,
  SolidarityMonthCommand,
} from './solidarity-month.commands';
import type { PotRule, SolidarityMonthEvent } from './solidarity-month.events';
import { monthNotClosed, shareNotCredited, shareNotFound } from './solidarity-month.errors';
import {
  assertId,
  assertIntegerCents,
  assertMonth,
  assertMonthOver,
  assertRate,
  assertSystemOrStaff,
  distinctPartners,
} from './solidarity-month.guards';
import type { ShareState, SolidarityMonthState } from './solidarity-month.state';

function close({ data, meta }: CloseSolidarityMonth, state: SolidarityMonthState) {
  assertSystemOrStaff(meta);
  assertMonth(data.month);
  // Run exactly once: a second close (job retried, staff twice) changes nothing.
  if (state.status === 'closed') return [];
  assertMonthOver(data.month, meta);
  assertIntegerCents(data.revenueCents, 'revenueCents', Number.MIN_SAFE_INTEGER);
  assertRate(data.rateBp);
  assertIntegerCents(data.carriedInCents, 'carriedInCents');
  const partners = distinctPartners(data.partners);
  const potCents = potOf(data.revenueCents, data.rateBp);
  const available = potCents + data.carriedInCents;
  const partnerIds = new Set(partners.map((p) => p.associationId));
  let votesCounted = 0;
  let votesVoid = 0;
  for (const [associationId, n] of Object.entries(data.votes)) {
    assertIntegerCents(n, 'votes');
    if (partnerIds.has(associationId)) votesCounted += n;
    else votesVoid += n;
  }
  const rule: PotRule =
    partners.length === 0 ? 'carried_over' : votesCounted === 0 ? 'equal_shares' : 'votes';
  const names = new Map(partners.map((p) => [p.associationId, p.name]));
  const shares =
    rule === 'carried_over'
      ? []
      : sharePot(
          available,
          partners.map((p) => ({
            associationId: p.associationId,
            votes: data.votes[p.associationId] ?? 0,
          })),
        ).map((s) => ({ ...s, name: names.get(s.associationId) ?? '' }));
  const event: SolidarityMonthEvent = {
    type: 'SolidarityMonthClosed',
    data: {
      month: data.month,
      revenueCents: data.revenueCents,
      rateBp: data.rateBp,
      potCents,
      carriedInCents: data.carriedInCents,
      distributedCents: rule === 'carried_over' ? 0 : available,
      carriedOverCents: rule === 'carried_over' ? available : 0,
      rule,
      votesCounted,
      votesVoid,
      shares: shares.map((s) => ({
        associationId: s.associationId,
        name: s.name,
        votes: s.votes,
        amountCents: s.amountCents,
      })),
      closedAt: meta.now,
      closedBy: meta.actorId,
    },
  };
  return [event];
}

function shareOf(state: SolidarityMonthState, month: string, associationId: string): ShareState {
  if (state.status !== 'closed') throw monthNotClosed(month);
  const share = state.shares[associationId];
  if (!share) throw shareNotFound(month, associationId);
  return share;
}

function credited({ data, meta }: RecordShareCredited, state: SolidarityMonthState) {
  assertSystemOrStaff(meta);
  assertId(data.creditId, 'creditId');
  const share = shareOf(state, data.month, data.associationId);
  if (share.credited) return [];
  return [
    {
      type: 'SolidarityShareCredited' as const,
      data: {
        month: data.month,
        associationId: data.associationId,
        amountCents: share.amountCents,
        creditId: data.creditId,
        creditedAt: meta.now,
      },
    },
  ];
}

function payout({ data, meta }: RecordSharePayout, state: SolidarityMonthState) {
  assertSystemOrStaff(meta);
  assertId(data.payoutId, 'payoutId');
  assertId(data.accountId, 'accountId');
  const share = shareOf(state, data.month, data.associationId);
  if (!share.credited) throw shareNotCredited(data.month, data.associationId);
  if (share.payout === 'requested') return [];
  return [
    {
      type: 'SolidaritySharePayoutRequested' as const,
      data: {
        month: data.month,
        associationId: data.associationId,
        amountCents: share.amountCents,
        payoutId: data.payoutId,
        accountId: data.accountId,
        requestedAt: meta.now,
      },
    },
  ];
}

function keptInWallet({ data, meta }: RecordShareKeptInWallet, state: SolidarityMonthState) {
  assertSystemOrStaff(meta);
  const share = shareOf(state, data.month, data.associationId);
  if (!share.credited) throw shareNotCredited(data.month, data.associationId);
  if (share.payout !== 'none') return [];
  return [
    {
      type: 'SolidarityShareKeptInWallet' as const,
      data: {
        month: data.month,
        associationId: data.associationId,
        amountCents: share.amountCents,
        reason: data.reason,
        at: meta.now,
      },
    },
  ];
}

export function decideSolidarityMonth(
  command: SolidarityMonthCommand,
  state: SolidarityMonthState,
): SolidarityMonthEvent[] {
  switch (command.type) {
    case 'CloseSolidarityMonth':
      return close(command, state);
    case 'RecordShareCredited':
      return credited(command, state);
    case 'RecordSharePayout':
      return payout(command, state);
    case 'RecordShareKeptInWallet':
      return keptInWallet(command, state);
    default:
      return assertNever(command);
  }
}
