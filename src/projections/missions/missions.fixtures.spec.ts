import { createHash } from 'node:crypto';
import type { EventStore, EventToAppend } from '../../application/shared/event-store.port';
import type { MissionCandidate, MissionEvent, MissionRequested } from '../../domain/missions';

/**
 * Events of the missions contract, written the way the mission aggregate writes them, for read-model
 * tests: a script appends them to a real store in log order.
 */
export class MissionScript {
  readonly log: { stream: string; event: EventToAppend }[] = [];
  private counter = 0;

  constructor(readonly seed = 'missions') {}

  id(kind = 'id'): string {
    const h = createHash('sha1').update(`${this.seed}:${kind}:${this.counter++}`).digest('hex');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
  }

  private push(stream: string, type: string, data: object, at: string, actorId = 'system'): void {
    const eventId = this.id('event');
    this.log.push({
      stream,
      event: {
        id: eventId,
        type,
        data: data as Record<string, unknown>,
        metadata: {
          eventId,
          correlationId: eventId,
          causationId: eventId,
          actorId,
          actorRole: 'client',
          occurredAt: at,
        },
      },
    });
  }

  mission<E extends MissionEvent>(type: E['type'], data: E['data'], at: string, actorId?: string) {
    this.push(`mission-${(data as { missionId: string }).missionId}`, type, data, at, actorId);
  }

  account(
    role: 'client' | 'provider',
    displayName: string,
    at = '2026-11-01T09:00:00.000Z',
    address?: { line1: string; postalCode: string; city: string },
  ): string {
    const accountId = this.id('account');
    const providerReference =
      role === 'provider' ? `PR-${accountId.slice(0, 5).toUpperCase()}` : null;
    this.push(
      `account-${accountId}`,
      'AccountRegistered',
      {
        accountId,
        roles: [role],
        activeRole: role,
        providerReference,
        passwordHash: 'hash',
        confirmationTokenHash: 'token-hash',
        confirmationExpiresAt: at,
        registeredAt: at,
        personal: { email: `${accountId.slice(0, 8)}@example.fr`, displayName },
      },
      at,
      accountId,
    );
    if (address)
      this.push(
        `account-${accountId}`,
        'ProfileUpdated',
        {
          accountId,
          updatedAt: at,
          personal: { address: { ...address, line2: null, country: 'FR' } },
        },
        at,
        accountId,
      );
    return accountId;
  }

  erase(accountId: string, at: string): void {
    this.push(
      `account-${accountId}`,
      'AccountErased',
      {
        accountId,
        reason: 'closure',
        erasedBy: 'system',
        erasedAt: at,
      },
      at,
    );
  }

  /** A published request; `candidates` are provider ids in rank order, each at `priceCents` (+10 € per rank). */
  request(options: {
    clientId: string;
    candidates: string[];
    startsAt: string;
    durationMinutes?: number;
    at?: string;
    priceCents?: number;
    label?: string;
    targeting?: 'dispatch' | 'direct';
  }): { missionId: string; candidates: MissionCandidate[] } {
    const missionId = this.id('mission');
    const at = options.at ?? '2026-12-01T08:00:00.000Z';
    const base = options.priceCents ?? 7_500;
    const candidates: MissionCandidate[] = options.candidates.map((providerId, i) => ({
      providerId,
      rank: i + 1,
      pricing: { kind: 'hourly', hourlyRateCents: 3_000 },
      priceCents: base + i * 1_000,
    }));
    const data: MissionRequested['data'] = {
      missionId,
      escrowId: this.id('escrow'),
      clientId: options.clientId,
      serviceTypeId: this.id('service-type'),
      serviceTypeLabel: options.label ?? 'Ménage',
      place: {
        address: '12 rue des Lilas',
        postalCode: '69003',
        city: 'Lyon',
        lat: 45.7597,
        lng: 4.8422,
      },
      targeting: options.targeting ?? (candidates.length === 1 ? 'direct' : 'dispatch'),
      startsAt: options.startsAt,
      durationMinutes: options.durationMinutes ?? 150,
      details: 'Appartement de 60 m², produits fournis.',
      candidates,
      reservedCents: Math.max(...candidates.map((c) => c.priceCents)),
      commissionRateBp: 2_000,
      paymentPlan: 'authorise_now',
      authoriseAt: at,
      paymentMethodRef: this.id('pm'),
      respondBy: new Date(Date.parse(at) + 24 * 3_600_000).toISOString(),
      autoValidateAt: new Date(Date.parse(options.startsAt) + 7 * 86_400_000).toISOString(),
      requestedAt: at,
    };
    this.mission<MissionRequested>('MissionRequested', data, at, options.clientId);
    return { missionId, candidates };
  }

  confirm(
    missionId: string,
    clientId: string,
    provider: MissionCandidate,
    reservedCents: number,
    at: string,
  ) {
    const commissionCents = Math.round(provider.priceCents * 0.2);
    this.mission(
      'MissionConfirmed',
      {
        missionId,
        clientId,
        providerId: provider.providerId,
        priceCents: provider.priceCents,
        commissionCents,
        providerNetCents: provider.priceCents - commissionCents,
        releasedReservationCents: reservedCents - provider.priceCents,
        confirmedAt: at,
      },
      at,
      provider.providerId,
    );
  }

  async appendTo(store: EventStore): Promise<void> {
    let i = 0;
    while (i < this.log.length) {
      const stream = this.log[i].stream;
      const run: EventToAppend[] = [];
      while (i < this.log.length && this.log[i].stream === stream) run.push(this.log[i++].event);
      await store.appendToStream(stream, run);
    }
    this.log.length = 0;
  }
}
