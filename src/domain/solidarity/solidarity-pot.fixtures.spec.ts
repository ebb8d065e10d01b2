import fc from 'fast-check';
import type { ActorRole, CommandMeta } from '../shared';
import { DeciderSpecification } from '../../../test/support/decider-spec';
import type { PartnerAtClose } from './solidarity-month.commands';
import type { SolidarityMonthClosed } from './solidarity-month.events';
import { ballotDecider, solidarityMonthDecider } from './solidarity-pot.deciders';
import type { SolidarityVoteCast } from './vote.events';

/** Shared fixtures of the pot's decider specs (not a test file of its own). */
export const MONTH = '2026-11';
/** During November 2026 in Paris (UTC+1). */
export const DURING = '2026-11-15T10:00:00.000Z';
/** The first instant of December in Paris. */
export const MONTH_END = '2026-11-30T23:00:00.000Z';
export const AFTER = '2026-12-01T00:05:00.000Z';
export const VOTER = 'acc_voter_1';
export const RESTOS = 'acc_assoc_restos';
export const SECOURS = 'acc_assoc_secours';

export const meta = (
  now = DURING,
  actorId = VOTER,
  actorRole: ActorRole = 'client',
): CommandMeta => ({
  now,
  actorId,
  actorRole,
});
export const system = (now = AFTER): CommandMeta => meta(now, 'system', 'system');

export const ballotSpec = DeciderSpecification.for(ballotDecider);
export const monthSpec = DeciderSpecification.for(solidarityMonthDecider);

export const voteCast = (
  voterId: string,
  associationId: string,
  previousAssociationId: string | null = null,
  castAt = DURING,
): SolidarityVoteCast => ({
  type: 'SolidarityVoteCast',
  data: { month: MONTH, voterId, associationId, previousAssociationId, castAt },
});

export const PARTNERS: PartnerAtClose[] = [
  { associationId: RESTOS, name: 'Les Restos du Cœur' },
  { associationId: SECOURS, name: 'Secours populaire' },
];

export const closeCommand = (
  over: Partial<{
    revenueCents: number;
    rateBp: number;
    carriedInCents: number;
    partners: PartnerAtClose[];
    votes: Record<string, number>;
    now: string;
  }> = {},
) => ({
  type: 'CloseSolidarityMonth' as const,
  data: {
    month: MONTH,
    revenueCents: over.revenueCents ?? 100_000,
    rateBp: over.rateBp ?? 500,
    carriedInCents: over.carriedInCents ?? 0,
    partners: over.partners ?? PARTNERS,
    votes: over.votes ?? { [RESTOS]: 2, [SECOURS]: 1 },
  },
  meta: system(over.now),
});

export const closedEvent = (
  over: Partial<SolidarityMonthClosed['data']> = {},
): SolidarityMonthClosed => ({
  type: 'SolidarityMonthClosed',
  data: {
    month: MONTH,
    revenueCents: 100_000,
    rateBp: 500,
    potCents: 5_000,
    carriedInCents: 0,
    distributedCents: 5_000,
    carriedOverCents: 0,
    rule: 'votes',
    votesCounted: 3,
    votesVoid: 0,
    shares: [
      { associationId: RESTOS, name: 'Les Restos du Cœur', votes: 2, amountCents: 3_333 },
      { associationId: SECOURS, name: 'Secours populaire', votes: 1, amountCents: 1_667 },
    ],
    closedAt: AFTER,
    closedBy: 'system',
    ...over,
  },
});

const partnerIds = ['acc_a', 'acc_b', 'acc_c', 'acc_d', 'acc_e', 'acc_f'];

/** A random month: revenue (possibly negative), rate, carry-in, partners and their votes. */
export const randomMonth = fc.record({
  revenueCents: fc.integer({ min: -5_000_000, max: 2_000_000_000 }),
  rateBp: fc.integer({ min: 0, max: 10_000 }),
  carriedInCents: fc.integer({ min: 0, max: 1_000_000 }),
  partners: fc.subarray(partnerIds),
  votes: fc.dictionary(
    fc.constantFrom(...partnerIds, 'acc_ex_partner'),
    fc.integer({ min: 0, max: 100_000 }),
  ),
});
