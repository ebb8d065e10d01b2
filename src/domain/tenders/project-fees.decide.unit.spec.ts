import { ProjectFeesErrorCode as Code } from './project-fees.errors';
import {
  asSystem,
  chargeCommand,
  charged,
  clientId,
  failed,
  projectId,
  refundCommand,
  refunded,
  spec,
} from './project-fees.fixtures.spec';

describe('ProjectFees: charge', () => {
  it('records the finder fee charged to the payer', () => {
    spec.given([]).when(chargeCommand()).then([charged()]);
  });

  it('records the R0 option beside the finder fee, each once', () => {
    spec
      .given([charged()])
      .when(chargeCommand('r0_option', 12_000))
      .then([charged('r0_option', 12_000)]);
  });

  it('records a charge after failed attempts (the payer paid again)', () => {
    spec.given([failed(), failed()]).when(chargeCommand()).then([charged()]);
  });

  it('answers a retried charge (same gateway reference) with nothing', () => {
    spec.given([charged()]).when(chargeCommand()).then([]);
  });

  it('never charges the same fee twice', () => {
    spec
      .given([charged()])
      .when(chargeCommand('finder_fee', 60_000, 'pi_other'))
      .thenThrows(Code.ALREADY_CHARGED, { kind: 'finder_fee', paymentRef: 'pi_finder_fee' });
  });

  it.each([0, -5, 1.5, Number.NaN])('refuses an amount of %p', (amountCents) => {
    spec
      .given([])
      .when(chargeCommand('finder_fee', amountCents))
      .thenThrows(Code.INVALID_FIELD, { field: 'amountCents' });
  });

  it('is the platform’s alone', () => {
    spec
      .given([])
      .when({ ...chargeCommand(), meta: { ...asSystem(), actorId: clientId, actorRole: 'client' } })
      .thenThrows(Code.SYSTEM_ONLY);
  });

  it('refuses another project’s charge on this stream', () => {
    const command = chargeCommand('r0_option');
    spec
      .given([charged()])
      .when({ ...command, data: { ...command.data, projectId: 'project-2' } } as typeof command)
      .thenThrows(Code.INVALID_FIELD, { field: 'projectId' });
  });
});

describe('ProjectFees: charge failure', () => {
  const failure = {
    type: 'RecordProjectFeeChargeFailure' as const,
    data: {
      projectId,
      chargeId: 'charge-finder_fee',
      kind: 'finder_fee' as const,
      payerId: clientId,
      amountCents: 60_000,
      code: 'card_declined',
    },
    meta: asSystem(),
  };

  it('records each refusal, so the payer is told', () => {
    spec.given([failed()]).when(failure).then([failed()]);
  });

  it('ignores a refusal once the fee is charged', () => {
    spec.given([charged()]).when(failure).then([]);
  });

  it('keeps the kind’s first charge id over its attempts', () => {
    spec
      .given([failed()])
      .when({ ...failure, data: { ...failure.data, chargeId: 'charge-other' } })
      .thenThrows(Code.INVALID_FIELD, { field: 'chargeId', expected: 'charge-finder_fee' });
    const command = chargeCommand();
    spec
      .given([failed()])
      .when({ ...command, data: { ...command.data, chargeId: 'charge-other' } } as typeof command)
      .thenThrows(Code.INVALID_FIELD, { field: 'chargeId', expected: 'charge-finder_fee' });
  });
});

describe('ProjectFees: refund', () => {
  it('refunds part of a charge', () => {
    spec
      .given([charged()])
      .when(refundCommand(20_000))
      .then([refunded(20_000)]);
  });

  it('refunds up to the whole charge over several revisions', () => {
    spec
      .given([charged(), refunded(20_000)])
      .when(refundCommand(40_000, 'refund-2'))
      .then([refunded(40_000, 'refund-2')]);
  });

  it('never refunds more than what the charge still holds', () => {
    spec
      .given([charged(), refunded(20_000)])
      .when(refundCommand(40_001, 'refund-2'))
      .thenThrows(Code.REFUND_EXCEEDS_CHARGE, { refundableCents: 40_000 });
  });

  it('answers a retried refund (same id) with nothing', () => {
    spec
      .given([charged(), refunded(20_000)])
      .when(refundCommand(20_000))
      .then([]);
  });

  it('refunds nothing that was never charged', () => {
    spec.given([failed()]).when(refundCommand(1_000)).thenThrows(Code.NOT_CHARGED);
    spec.given([]).when(refundCommand(1_000)).thenThrows(Code.NOT_CHARGED);
  });

  it('refunds each kind from its own charge', () => {
    spec
      .given([charged(), charged('r0_option', 12_000)])
      .when(refundCommand(12_001, 'refund-r0', 'r0_option'))
      .thenThrows(Code.REFUND_EXCEEDS_CHARGE, { kind: 'r0_option', refundableCents: 12_000 });
  });
});
