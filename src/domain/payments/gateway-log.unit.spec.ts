import { DeciderSpecification } from '../../../test/support/decider-spec';
import { gatewayLogDecider, GatewayEvent, RecordGatewayNotification } from '.';

const NOW = '2025-03-01T09:00:00.000Z';
const system = { now: NOW, actorId: 'system', actorRole: 'system' as const };
const receipt = {
  provider: 'stripe' as const,
  providerEventId: 'evt_1',
  providerType: 'payout.paid',
  occurredAt: NOW,
};
const payoutFacts = { kind: 'payout.paid' as const, payoutId: 'p1', gatewayPayoutId: 'po_1' };
const spec = DeciderSpecification.for(gatewayLogDecider);

const record = (
  data: Partial<RecordGatewayNotification['data']> = {},
  meta = system,
): RecordGatewayNotification =>
  ({
    type: 'RecordGatewayNotification',
    data: { ...receipt, ...('kind' in data ? {} : payoutFacts), ...data },
    meta,
  }) as RecordGatewayNotification;

const payoutPaid: GatewayEvent = {
  type: 'GatewayPayoutPaid',
  data: { ...receipt, payoutId: 'p1', gatewayPayoutId: 'po_1' },
};

describe('gateway log: nothing recorded yet', () => {
  it('records a payout notification under its stored type, the kind dropped from the data', () => {
    spec.given([]).when(record()).then([payoutPaid]);
  });

  it('records a chargeback with the escrow it was resolved to', () => {
    spec
      .given([])
      .when(
        record({
          kind: 'chargeback.opened',
          providerType: 'charge.dispute.created',
          paymentRef: 'pi_1',
          escrowId: 'e1',
          gatewayDisputeId: 'dp_1',
          amountCents: 12_000,
          reason: 'fraudulent',
        } as Partial<RecordGatewayNotification['data']>),
      )
      .then([
        {
          type: 'GatewayChargebackOpened',
          data: {
            ...receipt,
            providerType: 'charge.dispute.created',
            paymentRef: 'pi_1',
            escrowId: 'e1',
            gatewayDisputeId: 'dp_1',
            amountCents: 12_000,
            reason: 'fraudulent',
          },
        },
      ]);
  });

  it('refuses a notification without the provider event id that deduplicates it', () => {
    spec
      .given([])
      .when(record({ providerEventId: ' ' }))
      .thenThrows('GATEWAY_NOTIFICATION_INVALID', {
        field: 'providerEventId',
      });
  });

  it('lets only the platform record what the gateway said', () => {
    spec
      .given([])
      .when(record({}, { now: NOW, actorId: 'someone', actorRole: 'finance' as never }))
      .thenThrows('GATEWAY_NOTIFICATION_SYSTEM_ONLY');
  });
});

describe('gateway log: notifications on record', () => {
  it('records nothing for a redelivery of the same provider event', () => {
    spec.given([payoutPaid]).when(record()).then([]);
  });

  it('records the next provider event, and the same event id from another provider', () => {
    spec
      .given([payoutPaid])
      .when(
        record({
          providerEventId: 'evt_2',
          kind: 'payout.failed',
          failureCode: 'x',
          failureMessage: 'y',
        } as Partial<RecordGatewayNotification['data']>),
      )
      .thenMatches((events) => expect(events.map((e) => e.type)).toEqual(['GatewayPayoutFailed']));
    spec
      .given([payoutPaid])
      .when(record({ provider: 'simulated' }))
      .thenMatches((events) => expect(events).toHaveLength(1));
  });

  it('folds a repeated event as one receipt, without throwing', () => {
    expect(spec.given([payoutPaid, payoutPaid]).state()).toEqual({
      status: 'recording',
      received: ['stripe:evt_1'],
    });
  });
});
