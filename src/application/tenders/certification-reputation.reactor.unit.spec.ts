import type { CommandBus } from '@nestjs/cqrs';
import type { RecordedEvent } from '../shared/event-store.port';
import { CertificationReputationReactor } from './certification-reputation.reactor';
import { CertificationCommandMessage } from './certification.messages';

const review = (author: 'client' | 'provider', id = 'event-1'): RecordedEvent => ({
  id,
  streamName: 'project_review-p1',
  revision: 0n,
  position: { commit: 1n, prepare: 1n },
  type: 'ProjectReviewGiven',
  schemaVersion: 1,
  data: {
    projectId: 'p1',
    author,
    authorId: author === 'client' ? 'client-1' : 'provider-1',
    subjectId: author === 'client' ? 'provider-1' : 'client-1',
    rating: 5,
    comment: null,
    reviewedAt: '2026-06-01T10:00:00.000Z',
  },
  metadata: { occurredAt: '2026-06-01T10:00:00.000Z', correlationId: 'corr-1' },
  recordedAt: new Date('2026-06-01T10:00:00.000Z'),
});

describe('tenders.certification_reputation reactor', () => {
  const sent: CertificationCommandMessage[] = [];
  const bus = { execute: async (m: CertificationCommandMessage) => sent.push(m) };
  const reactor = new CertificationReputationReactor(bus as unknown as CommandBus);
  beforeEach(() => sent.splice(0));

  it('counts a client’s review on the provider’s certification stream', async () => {
    await reactor.handle(review('client'));
    expect(sent).toHaveLength(1);
    expect(sent[0].aggregateId).toBe('provider-1');
    expect(sent[0].command).toMatchObject({
      type: 'CountCertificationReview',
      data: { providerId: 'provider-1', projectId: 'p1', rating: 5 },
      meta: { actorRole: 'system', now: '2026-06-01T10:00:00.000Z' },
    });
    expect(sent[0].causation).toEqual({ correlationId: 'corr-1', causationId: 'event-1' });
  });

  it('ignores a provider’s review of the client', async () => {
    await reactor.handle(review('provider'));
    expect(sent).toEqual([]);
  });

  it('appends under ids derived from the review, so a redelivery is the same append', async () => {
    await reactor.handle(review('client'));
    await reactor.handle(review('client'));
    const [a, b] = sent.map((m) => m.options.eventIds!);
    expect(a(0)).toBe(b(0));
    await reactor.handle(review('client', 'event-2'));
    expect(sent[2].options.eventIds!(0)).not.toBe(a(0));
  });
});
