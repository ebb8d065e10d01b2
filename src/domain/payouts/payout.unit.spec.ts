import { DeciderSpecification } from '../../../test/support/decider-spec';
import { CommandMeta } from '../shared';
import { PayoutCommand, payoutDecider, WithdrawalAccount } from './index';
import {
  asFinance,
  asOtherProvider,
  asOwner,
  asSystem,
  BANK,
  PAYPAL,
  payoutFailed,
  payoutRequested,
  payoutSent,
  payoutSubmitted,
  PROVIDER,
} from './payouts.fixtures.spec';

const spec = DeciderSpecification.for(payoutDecider);

const request = (
  amountCents = 5000,
  account: WithdrawalAccount = BANK,
  by: CommandMeta = asOwner,
): PayoutCommand => ({
  type: 'RequestPayout',
  data: { payoutId: 'po-1', providerId: PROVIDER, amountCents, account },
  meta: by,
});
const submit = (gatewayPayoutId = 'po_gw_1', by: CommandMeta = asSystem): PayoutCommand => ({
  type: 'MarkPayoutSubmitted',
  data: { gatewayPayoutId },
  meta: by,
});
const markSent = (gatewayPayoutId?: string, by: CommandMeta = asSystem): PayoutCommand => ({
  type: 'MarkPayoutSent',
  data: gatewayPayoutId === undefined ? {} : { gatewayPayoutId },
  meta: by,
});
const markFailed = (failureCode = 'account_closed', by: CommandMeta = asSystem): PayoutCommand => ({
  type: 'MarkPayoutFailed',
  data: { failureCode, failureMessage: 'The bank account is closed' },
  meta: by,
});

describe('Payout — none yet', () => {
  const given = spec.given([]);

  it('is requested by the wallet owner with a snapshot of the account', () => {
    given.when(request()).then([payoutRequested()]);
    given.when(request(5000, PAYPAL)).then([payoutRequested(5000, PAYPAL)]);
  });

  it('refuses a request by anyone but the owner', () => {
    given.when(request(5000, BANK, asOtherProvider)).thenThrows('NOT_WALLET_OWNER');
    given.when(request(5000, BANK, asFinance)).thenThrows('NOT_WALLET_OWNER');
  });

  it('re-checks the account snapshot', () => {
    given
      .when(request(5000, { ...BANK, iban: 'FR7630006000011234567890180' }))
      .thenThrows('INVALID_IBAN');
    given.when(request(5000, { ...PAYPAL, email: 'nobody' })).thenThrows('INVALID_PAYPAL_EMAIL');
  });

  it.each([0, -1, 12.5])('refuses an amount of %p cents', (amount) => {
    given.when(request(amount)).thenThrows('PAYOUT_INVALID_AMOUNT');
  });

  it.each([
    ['submission', submit()],
    ['sending', markSent('po_gw_1')],
    ['failure', markFailed()],
  ])('refuses a %s report for an unknown payout', (_what, command) => {
    given.when(command).thenThrows('PAYOUT_NOT_FOUND');
  });
});

describe('Payout — requested', () => {
  const given = spec.given([payoutRequested()]);

  it('answers a repeated request with nothing, refuses another amount under the same id', () => {
    given.when(request()).then([]);
    given
      .when(request(6000))
      .thenThrows('PAYOUT_ALREADY_REQUESTED', { currentStatus: 'requested' });
  });

  it('records the gateway payout id on submission', () => {
    given.when(submit('po_gw_1')).then([payoutSubmitted('po_gw_1')]);
  });

  it('lets only the platform or finance report progress', () => {
    given.when(submit('po_gw_1', asOwner)).thenThrows('ONLY_SYSTEM_OR_FINANCE');
    given.when(markSent(undefined, asOwner)).thenThrows('ONLY_SYSTEM_OR_FINANCE');
    given.when(markFailed('x', asOwner)).thenThrows('ONLY_SYSTEM_OR_FINANCE');
  });

  it('accepts a sent webhook that overtook the worker', () => {
    given.when(markSent('po_gw_1')).then([payoutSent('po_gw_1')]);
  });

  it('fails when the gateway refuses the payout outright', () => {
    given.when(markFailed()).then([payoutFailed()]);
  });

  it('refuses a failure without a code', () => {
    given.when(markFailed(' ')).thenThrows('PAYOUT_INVALID_FIELD', { field: 'failureCode' });
  });
});

describe('Payout — submitted', () => {
  const given = spec.given([payoutRequested(), payoutSubmitted('po_gw_1')]);

  it('answers a repeated submission with nothing (the worker retried)', () => {
    given.when(submit('po_gw_1')).then([]);
  });

  it('refuses a second gateway payout for the same request', () => {
    given.when(submit('po_gw_2')).thenThrows('PAYOUT_GATEWAY_ID_MISMATCH', {
      currentStatus: 'submitted',
      recordedGatewayPayoutId: 'po_gw_1',
    });
    given.when(markSent('po_gw_2')).thenThrows('PAYOUT_GATEWAY_ID_MISMATCH');
  });

  it('is sent, keeping the gateway id', () => {
    given.when(markSent()).then([payoutSent('po_gw_1')]);
    given.when(markSent('po_gw_1', asFinance)).then([payoutSent('po_gw_1')]);
  });

  it('fails with the gateway reason', () => {
    given.when(markFailed('account_closed')).then([payoutFailed('account_closed')]);
  });
});

describe('Payout — sent', () => {
  const given = spec.given([payoutRequested(), payoutSubmitted('po_gw_1'), payoutSent('po_gw_1')]);

  it('is terminal', () => {
    expect(given.state().status).toBe('sent');
  });

  it('answers a repeated sent report with nothing', () => {
    given.when(markSent('po_gw_1')).then([]);
  });

  it('answers a stale submission report with nothing', () => {
    given.when(submit('po_gw_1')).then([]);
  });

  it('refuses a contradicting failure', () => {
    given.when(markFailed()).thenThrows('PAYOUT_ALREADY_SETTLED', { currentStatus: 'sent' });
  });

  it('refuses a submission under another gateway id', () => {
    given.when(submit('po_gw_9')).thenThrows('PAYOUT_ALREADY_SETTLED', { currentStatus: 'sent' });
  });

  it('ignores a late failure event when folding', () => {
    expect(payoutDecider.evolve(given.state(), payoutFailed()).status).toBe('sent');
  });
});

describe('Payout — failed', () => {
  const given = spec.given([payoutRequested(), payoutSubmitted('po_gw_1'), payoutFailed()]);

  it('keeps the failure reason', () => {
    expect(given.state()).toMatchObject({ status: 'failed', failureCode: 'account_closed' });
  });

  it('answers a repeated failure with nothing, whatever its wording', () => {
    given.when(markFailed('account_closed')).then([]);
    given.when(markFailed('could_not_process')).then([]);
  });

  it('refuses a contradicting sent report', () => {
    given
      .when(markSent('po_gw_1'))
      .thenThrows('PAYOUT_ALREADY_SETTLED', { currentStatus: 'failed' });
  });

  it('refuses a new request under the same id', () => {
    given.when(request()).then([]);
    given.when(request(1000)).thenThrows('PAYOUT_ALREADY_REQUESTED', { currentStatus: 'failed' });
  });
});
