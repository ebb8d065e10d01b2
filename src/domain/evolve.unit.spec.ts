// Every aggregate's evolve is total: stored events are kept for ever, so a fold must never throw,
// whatever the stream holds (an event of another status, a repeat, a type this code does not know).
import * as gig from './catalog/gig.fixtures.spec';
import { gigDecider } from './catalog';
import * as dispute from './disputes/dispute.fixtures.spec';
import { disputeDecider } from './disputes';
import * as escrow from './escrow/escrow.fixtures.spec';
import { escrowDecider } from './escrow';
import * as account from './identity/account-closure.fixtures.spec';
import * as identity from './identity/identity.fixtures.spec';
import * as verification from './identity/verification.fixtures.spec';
import { accountDecider, verificationDecider } from './identity';
import * as mission from './missions/mission.fixtures.spec';
import { missionDecider } from './missions';
import * as customRequest from './orders/custom-request.fixtures.spec';
import * as order from './orders/order.fixtures.spec';
import { customRequestDecider, orderDecider } from './orders';
import * as payouts from './payouts/payouts.fixtures.spec';
import { payoutDecider, walletDecider } from './payouts';
import * as plan from './plans/plan.fixtures.spec';
import * as subscription from './plans/subscription.fixtures.spec';
import * as credits from './plans/credits.fixtures.spec';
import * as hourPack from './plans/hour-pack.fixtures.spec';
import { creditsDecider, hourPackDecider, planDecider, subscriptionDecider } from './plans';
import * as solidarityType from './solidarity/solidarity-type.fixtures.spec';
import * as solidarityMission from './solidarity/solidarity-mission.fixtures.spec';
import * as pot from './solidarity/solidarity-pot.fixtures.spec';
import {
  solidarityMissionDecider,
  solidarityMonthDecider,
  solidarityTypeDecider,
} from './solidarity';
import { Decider, DomainEvent } from './shared';
import * as partnership from './solidarity/partnership.fixtures.spec';
import { partnershipDecider } from './solidarity';
import * as paymentRequest from './tenders/payment-request.fixtures.spec';
import { paymentRequestDecider } from './tenders';
import * as tenderPrefs from './tenders/provider-preferences.fixtures.spec';
import { tenderPreferencesDecider } from './tenders';
import { projectDecider } from './tenders';
import * as project from './tenders/project.fixtures.spec';
import * as offer from './tenders/offer.fixtures.spec';
import { offerDecider, projectReportDecider, type ProjectMessagePosted } from './tenders';
import * as certification from './tenders/certification.fixtures.spec';
import { certificationDecider, projectReviewDecider } from './tenders';

interface Case {
  aggregate: string;
  decider: Decider<never, { status: string }, DomainEvent>;
  /** Streams that walk the aggregate through its statuses, terminal ones included. */
  streams: DomainEvent[][];
}

const asCase = <S extends { status: string }, E extends DomainEvent>(
  aggregate: string,
  decider: Decider<never, S, E>,
  streams: E[][],
): Case => ({ aggregate, decider, streams }) as unknown as Case;

/** Deciders whose state has no `status` (the offer's is null until made): a status is derived, the same object kept. */
const withStatus = <S, E extends DomainEvent>(d: Decider<never, S, E>, made: (s: S) => boolean) => {
  type W = { status: string; inner: S };
  const wrap = (inner: S): W => ({ status: made(inner) ? 'made' : 'none', inner });
  return {
    decide: () => [],
    initialState: () => wrap(d.initialState()),
    evolve: (s: W, e: E): W => {
      const inner = d.evolve(s.inner, e);
      return inner === s.inner ? s : wrap(inner);
    },
  } as Decider<never, W, E>;
};
const reportMessage: ProjectMessagePosted = {
  type: 'ProjectMessagePosted',
  data: {
    messageId: 'm-1',
    projectId: offer.PROJECT_ID,
    authorId: offer.PROVIDER_ID,
    authorRole: 'provider',
    kind: 'question',
    text: 'Une question ?',
    fileIds: [],
    postedAt: offer.NOW,
  },
};

const cases: Case[] = [
  asCase(
    'project offer',
    withStatus(offerDecider, (s) => s !== null),
    [[offer.made, offer.read(), offer.edited, offer.read()]],
  ),
  asCase(
    'project report',
    withStatus(projectReportDecider, (s) => s.messageIds.length > 0),
    [[reportMessage]],
  ),
  asCase('gig', gigDecider, [[gig.created, gig.published, gig.paused, gig.archived]]),
  asCase('dispute', disputeDecider, [
    [
      dispute.opened(),
      dispute.statementAdded(),
      dispute.assigned(),
      dispute.proposed(),
      dispute.acceptedBy('buyer'),
      dispute.decided(),
    ],
    [dispute.opened(), dispute.withdrawn()],
  ]),
  asCase('escrow', escrowDecider, [
    [
      escrow.opened(),
      escrow.funded('t1', 12_000),
      escrow.frozen('d1'),
      escrow.unfrozen('d1'),
      escrow.released('r1', 10_000, 1000, 167, 'accepted'),
      escrow.refunded('f1', 2000, 'mutual'),
    ],
  ]),
  asCase('account', accountDecider, [
    [
      identity.registered(),
      identity.confirmed,
      account.closureRequested,
      account.closed,
      account.erased('account_closed', 'worker', account.AFTER_EFFECTIVE),
    ],
  ]),
  asCase('verification', verificationDecider, [
    [
      verification.portageDeclared(true),
      verification.submitted('rib'),
      verification.approved('rib'),
      verification.submitted('kbis_or_cfe'),
    ],
    [
      verification.associationDeclared(),
      verification.submitted('association_statutes'),
      verification.approved('association_statutes'),
      verification.associationDeclared(),
    ],
  ]),
  asCase('payment request', paymentRequestDecider, [
    [
      paymentRequest.submitted(),
      paymentRequest.refused,
      paymentRequest.submitted('file-2'),
      paymentRequest.approved,
      paymentRequest.paid,
    ],
    [paymentRequest.submitted(), paymentRequest.approved, paymentRequest.payoutFailed],
  ]),
  asCase('partnership', partnershipDecider, [
    [partnership.granted(), partnership.ended, partnership.granted('2026-06-01T00:00:00.000Z')],
  ]),
  asCase('custom request', customRequestDecider, [
    [
      customRequest.submitted,
      customRequest.invited(),
      customRequest.countered(),
      customRequest.converted,
    ],
    [
      customRequest.submitted,
      customRequest.invited(),
      customRequest.expired(),
      customRequest.cancelled,
    ],
  ]),
  asCase('order', orderDecider, Object.values(order.history)),
  asCase('mission', missionDecider, [
    ...Object.values(mission.history),
    [
      mission.requested(),
      mission.refusedBy('provider-2'),
      mission.confirmed,
      mission.proposed,
      mission.authorisationFailed(1),
      mission.authorised(),
      mission.reported,
      mission.disputeClosed('withdrawn'),
      mission.validated,
      mission.appreciated(2),
    ],
  ]),
  asCase('payout', payoutDecider, [
    [payouts.payoutRequested(), payouts.payoutSubmitted(), payouts.payoutSent()],
    [payouts.payoutRequested(), payouts.payoutFailed()],
  ]),
  asCase('wallet', walletDecider, [
    [
      payouts.credited('c1', 10_000),
      payouts.accountRegistered(),
      payouts.debited('p1', 4000),
      payouts.returned('p1', 4000),
      payouts.debited('p2', 3000),
      payouts.settled('p2', 3000),
    ],
  ]),
  asCase('plan', planDecider, [[plan.defined, plan.revised, plan.retired], [plan.packDefined]]),
  asCase('subscription', subscriptionDecider, [
    [
      subscription.started(),
      subscription.renewed(),
      subscription.failed(1),
      subscription.failed(2),
      subscription.suspended,
    ],
    [subscription.started(), subscription.pauseScheduled(), subscription.paused],
    [subscription.started(), subscription.cancelled()],
  ]),
  asCase('credits', creditsDecider, [
    [
      credits.granted({ offer: 3, consultation: 2 }),
      credits.spent(),
      credits.refunded(),
      credits.frozen(),
      credits.unfrozen(),
      credits.forfeited({}),
    ],
  ]),
  asCase('hour pack', hourPackDecider, [
    [
      hourPack.purchased(),
      hourPack.reserved('m1', 120),
      hourPack.consumed('m1', 120, 4_400),
      hourPack.reserved('m2', 60),
      hourPack.released('m2', 60),
    ],
  ]),
  asCase('solidarity type', solidarityTypeDecider, [
    [solidarityType.defined, solidarityType.revised, solidarityType.retired],
  ]),
  asCase('solidarity mission', solidarityMissionDecider, [
    [
      solidarityMission.proposed,
      solidarityMission.signedUp('v1', 1),
      solidarityMission.signedUp('v2', 0),
      solidarityMission.filled,
      solidarityMission.withdrew('v2', 1),
      solidarityMission.attendanceConfirmed,
    ],
    [solidarityMission.proposed, solidarityMission.cancelled],
  ]),
  asCase('solidarity month', solidarityMonthDecider, [[pot.closedEvent()]]),
  asCase('tender preferences', tenderPreferencesDecider, [
    [tenderPrefs.hidden(), tenderPrefs.preferencesSet(), tenderPrefs.unsubscribed()],
  ]),
  asCase('project', projectDecider, [
    [
      project.posted,
      project.selected(),
      project.declined,
      project.selected(),
      project.confirmed(),
      project.proposed(),
      project.finished,
    ],
    [
      project.posted,
      {
        type: 'ProjectWithdrawn',
        data: {
          projectId: project.PROJECT_ID,
          clientId: project.CLIENT_ID,
          reason: '',
          withdrawnAt: project.NOW,
        },
      },
    ],
  ]),
  asCase('certification', certificationDecider, [
    [
      ...certification.threeConfirmed(),
      certification.approved('ref-1'),
      certification.approved('ref-2'),
      certification.approved('ref-3'),
      certification.certifiedByReferences(),
      certification.counted('p-1', 5),
      certification.withdrawn,
    ],
  ]),
  asCase('project review', projectReviewDecider, [
    [
      {
        type: 'ProjectReviewGiven',
        data: {
          projectId: 'p1',
          author: 'client',
          authorId: 'c1',
          subjectId: 'pr1',
          rating: 5,
          comment: null,
          reviewedAt: certification.NOW,
        },
      },
      {
        type: 'ProjectReviewGiven',
        data: {
          projectId: 'p1',
          author: 'provider',
          authorId: 'pr1',
          subjectId: 'c1',
          rating: 4,
          comment: 'Client réactif',
          reviewedAt: certification.LATER,
        },
      },
    ],
  ]),
];

/** The initial state and the state after each prefix of each stream. */
function statesOf({ decider, streams }: Case): { status: string }[] {
  return streams.flatMap((stream) =>
    stream.reduce<{ status: string }[]>(
      (states, event) => [...states, decider.evolve(states[states.length - 1], event)],
      [decider.initialState()],
    ),
  );
}

describe.each(cases)('$aggregate evolve', (c) => {
  const events = c.streams.flat();

  it('walks the sample streams (so the cases below test real states)', () => {
    for (const stream of c.streams) {
      const end = stream.reduce(c.decider.evolve, c.decider.initialState());
      expect(end).not.toEqual(c.decider.initialState());
    }
  });

  it('leaves every state as it is on an event type it does not know', () => {
    const unknown = { type: 'SomethingFromTheFuture', data: { anything: true } } as DomainEvent;
    for (const state of statesOf(c)) {
      expect(c.decider.evolve(state, unknown)).toBe(state);
    }
  });

  it('never throws on an event that does not fit the state, and returns a state', () => {
    for (const state of statesOf(c)) {
      for (const event of events) {
        const next = c.decider.evolve(state, event);
        expect(typeof next.status).toBe('string');
      }
    }
  });

  it('ignores the opening event once the aggregate exists', () => {
    for (const stream of c.streams) {
      const end = stream.reduce(c.decider.evolve, c.decider.initialState());
      expect(c.decider.evolve(end, stream[0])).toEqual(end);
    }
  });
});
