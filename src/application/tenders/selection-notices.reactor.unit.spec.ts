import type { NotificationRequest, Notifications } from '../notifications/notifications.port';
import type { EventStore, RecordedEvent } from '../shared/event-store.port';
import type { BidsReader } from './bids-reader.port';
import {
  LOST_TENDER_RECOMMENDATIONS,
  SelectionNoticesReactor,
  TenderBidsBehind,
} from './selection-notices.reactor';

const selected: RecordedEvent = {
  id: 'evt-1',
  streamName: 'project-p-1',
  revision: 3n,
  position: { commit: 10n, prepare: 10n },
  type: 'ProjectProviderSelected',
  schemaVersion: 1,
  data: {
    projectId: 'p-1',
    clientId: 'c-1',
    providerId: 'winner',
    offerId: 'o-w',
    terms: { amountCents: 250_000, delayDays: 21, formula: 'base', feePayer: 'client' },
    selectedAt: '2026-12-01T09:00:00.000Z',
  },
  metadata: {},
  recordedAt: new Date('2026-12-01T09:00:00.000Z'),
};

const store = {
  readStream: async () => [
    {
      type: 'ProjectPosted',
      data: { projectId: 'p-1', clientId: 'c-1', title: 'Site vitrine', attachmentFileIds: [] },
    },
  ],
} as unknown as EventStore;

function reactorWith(bidders: string[] | null) {
  const sent: NotificationRequest[] = [];
  const notifications = {
    send: async (r: NotificationRequest) => {
      sent.push(r);
      return { notificationId: 'n', status: 'queued', duplicate: false };
    },
  } as unknown as Notifications;
  const reader = { biddersOf: async () => bidders } as unknown as BidsReader;
  return { reactor: new SelectionNoticesReactor(store, reader, notifications), sent };
}

describe('selection notices: on a selection', () => {
  it('tells the winner to confirm and every other bidder that they lost, with 3 to 5 recommendations', async () => {
    const { reactor, sent } = reactorWith(['loser-1', 'winner', 'loser-2']);
    await reactor.handle(selected);
    expect(sent.map((s) => [s.template, s.to.accountId])).toEqual([
      ['tenders.offer_won', 'winner'],
      ['tenders.offer_lost', 'loser-1'],
      ['tenders.offer_lost', 'loser-2'],
    ]);
    expect(sent[0].data).toMatchObject({ title: 'Site vitrine', amountCents: 250_000 });
    expect(sent[1].data.recommendations).toEqual(LOST_TENDER_RECOMMENDATIONS);
    expect(LOST_TENDER_RECOMMENDATIONS.length).toBeGreaterThanOrEqual(3);
    expect(LOST_TENDER_RECOMMENDATIONS.length).toBeLessThanOrEqual(5);
  });

  it('keys each e-mail on the event and the recipient, so a redelivery sends nothing new', async () => {
    const { reactor, sent } = reactorWith(['loser-1', 'winner']);
    await reactor.handle(selected);
    await reactor.handle(selected);
    const keys = sent.map((s) => s.idempotencyKey);
    expect(new Set(keys).size).toBe(2);
    expect(keys).toContain('tenders.offer_lost:evt-1:loser-1');
  });

  it('waits for the read model to have applied the selection (retried, nothing sent)', async () => {
    const { reactor, sent } = reactorWith(null);
    await expect(reactor.handle(selected)).rejects.toBeInstanceOf(TenderBidsBehind);
    expect(sent).toEqual([]);
  });
});
