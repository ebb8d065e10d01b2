import { RecordedEvent } from '../shared/event-store.port';
import { jobsFor } from './schedule-rules';

const settings = { autoCompleteAfterDays: 3 };

function recorded(
  type: string,
  data: Record<string, unknown>,
  id = '11111111-1111-4111-8111-111111111111',
): RecordedEvent {
  return {
    id,
    streamName: 'x-1',
    revision: 0n,
    position: { commit: 1n, prepare: 1n },
    type,
    schemaVersion: 1,
    data,
    metadata: { correlationId: 'corr-1', occurredAt: '2026-03-02T10:00:00.000Z' },
    recordedAt: new Date('2026-03-02T10:00:00.000Z'),
  };
}

const started = recorded('OrderStarted', {
  orderId: 'o-1',
  sellerId: 's-1',
  startedAt: '2026-03-02T10:00:00.000Z',
  deliveryDueAt: '2026-03-05T10:00:00.000Z',
  totalDeliveryDays: 3,
});

describe('jobs an event schedules', () => {
  it('an order start schedules the deadline at deliveryDueAt and the seller reminder 24 h before', () => {
    const jobs = jobsFor(started, settings);
    expect(jobs.map((j) => [j.queue, j.payload.kind, j.payload.dueAt])).toEqual([
      ['deadlines', 'order.delivery-deadline', '2026-03-05T10:00:00.000Z'],
      ['reminders', 'order.seller-deadline-reminder', '2026-03-04T10:00:00.000Z'],
    ]);
    expect(jobs[0].payload).toMatchObject({
      causationId: started.id,
      correlationId: 'corr-1',
      orderId: 'o-1',
    });
  });

  it('an order escrow opening schedules the placement check 30 minutes later; other escrows none', () => {
    const opened = (kind: string) =>
      recorded('EscrowOpened', {
        escrowId: 'e-1',
        subject: { kind, id: 'o-1' },
        payerId: 'b-1',
        payeeId: 's-1',
        commissionRateBp: 1_000,
      });
    const jobs = jobsFor(opened('order'), settings);
    expect(jobs.map((j) => [j.queue, j.payload])).toEqual([
      [
        'deadlines',
        {
          kind: 'order.placement-check',
          orderId: 'o-1',
          escrowId: 'e-1',
          buyerId: 'b-1',
          dueAt: '2026-03-02T10:30:00.000Z',
          causationId: '11111111-1111-4111-8111-111111111111',
          correlationId: 'corr-1',
        },
      ],
    ]);
    expect(jobsFor(opened('mission'), settings)).toEqual([]);
  });

  it('a replay of the same event gives the same job ids; another event gives other ids', () => {
    const again = jobsFor(started, settings).map((j) => j.jobId);
    expect(again).toEqual(jobsFor(started, settings).map((j) => j.jobId));
    const other = jobsFor({ ...started, id: '22222222-2222-4222-8222-222222222222' }, settings).map(
      (j) => j.jobId,
    );
    expect(other.some((id) => again.includes(id))).toBe(false);
  });

  it('a one-day countdown gets no seller reminder (it would fire at the start)', () => {
    const short = recorded('OrderStarted', {
      ...(started.data as object),
      deliveryDueAt: '2026-03-03T10:00:00.000Z',
    });
    expect(jobsFor(short, settings).map((j) => j.payload.kind)).toEqual([
      'order.delivery-deadline',
    ]);
  });

  it('a delivery schedules auto-completion after the configured days and a daily buyer reminder before it', () => {
    const delivered = recorded('OrderDelivered', {
      orderId: 'o-1',
      deliveryId: 'd-1',
      deliveredAt: '2026-03-04T08:00:00.000Z',
      late: false,
      revisionRound: 0,
    });
    const jobs = jobsFor(delivered, settings);
    expect(jobs.map((j) => [j.payload.kind, j.payload.dueAt])).toEqual([
      ['order.auto-complete', '2026-03-07T08:00:00.000Z'],
      ['order.buyer-delivery-reminder', '2026-03-05T08:00:00.000Z'],
      ['order.buyer-delivery-reminder', '2026-03-06T08:00:00.000Z'],
    ]);
    expect(jobs[0].payload).toMatchObject({ autoCompleteAfterDays: 3, deliveryId: 'd-1' });
    expect(new Set(jobs.map((j) => j.jobId)).size).toBe(3);
    expect(jobsFor(delivered, { autoCompleteAfterDays: 5 })[0].payload.dueAt).toBe(
      '2026-03-09T08:00:00.000Z',
    );
  });

  it('an invitation, a dispute and a closure each schedule their lapse at the recorded instant', () => {
    const invited = recorded('CustomRequestSellerInvited', {
      customRequestId: 'c-1',
      sellerId: 's-1',
      invitedBy: 'b',
      invitedAt: 'x',
      expiresAt: '2026-03-09T10:00:00.000Z',
    });
    const opened = recorded('DisputeOpened', {
      disputeId: 'd-1',
      responseDueAt: '2026-03-07T10:00:00.000Z',
    });
    const closing = recorded('AccountClosureRequested', {
      accountId: 'a-1',
      requestedBy: 'a-1',
      requestedAt: 'x',
      effectiveAt: '2026-03-04T10:00:00.000Z',
    });
    expect(jobsFor(invited, settings)[0].payload).toMatchObject({
      kind: 'custom-request.invitation-expiry',
      expiresAt: '2026-03-09T10:00:00.000Z',
      dueAt: '2026-03-09T10:00:00.000Z',
    });
    expect(jobsFor(opened, settings)[0].payload).toMatchObject({
      kind: 'dispute.response-deadline',
      disputeId: 'd-1',
      dueAt: '2026-03-07T10:00:00.000Z',
    });
    expect(jobsFor(closing, settings)[0].payload).toMatchObject({
      kind: 'account.closure',
      accountId: 'a-1',
      dueAt: '2026-03-04T10:00:00.000Z',
    });
  });

  it('an approved expiring document schedules its expiry and a reminder 15 days before; a lasting one nothing', () => {
    const approved = recorded('DocumentApproved', {
      providerId: 'p-1',
      documentId: 'doc-1',
      kind: 'urssaf_vigilance',
      reviewedBy: 'm',
      approvedAt: '2026-03-02T10:00:00.000Z',
      expiresAt: '2026-09-02T10:00:00.000Z',
    });
    expect(jobsFor(approved, settings).map((j) => [j.payload.kind, j.payload.dueAt])).toEqual([
      ['verification.document-expiry', '2026-09-02T10:00:00.000Z'],
      ['verification.document-expiry-reminder', '2026-08-18T10:00:00.000Z'],
    ]);
    expect(
      jobsFor(
        recorded('DocumentApproved', { ...(approved.data as object), expiresAt: null }),
        settings,
      ),
    ).toEqual([]);
  });

  it('a payout request is paid at once', () => {
    const requested = recorded('PayoutRequested', {
      payoutId: 'po-1',
      providerId: 'p-1',
      amountCents: 100,
      account: {},
    });
    expect(jobsFor(requested, settings)).toEqual([
      expect.objectContaining({
        queue: 'payouts',
        payload: expect.objectContaining({
          kind: 'payout.send',
          payoutId: 'po-1',
          dueAt: '2026-03-02T10:00:00.000Z',
        }),
      }),
    ]);
  });

  it('other events schedule nothing', () => {
    expect(jobsFor(recorded('OrderPlaced', {}), settings)).toEqual([]);
  });
});
