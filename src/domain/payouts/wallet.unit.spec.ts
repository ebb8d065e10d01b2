import { DeciderSpecification } from '../../../test/support/decider-spec';
import { walletBalance, walletDecider, WalletCommand } from './index';
import {
  accountRegistered,
  asFinance,
  asMediator,
  asOtherProvider,
  asOwner,
  asSystem,
  BANK,
  confirm,
  credit,
  credited,
  debited,
  PAYPAL,
  PROVIDER,
  register,
  reserve,
  returned,
  returnFailed,
  settled,
} from './payouts.fixtures.spec';

const spec = DeciderSpecification.for(walletDecider);

describe('Wallet — none yet', () => {
  const given = spec.given([]);

  it('opens with the first credit from a release', () => {
    given.when(credit('cr-1', 10_800)).then([credited('cr-1', 10_800)]);
    expect(walletBalance(spec.given([credited('cr-1', 10_800)]).state())).toEqual({
      creditedCents: 10_800,
      availableCents: 10_800,
      inTransitCents: 0,
      paidOutCents: 0,
    });
  });

  it('lets finance credit, but not a mediator nor the provider', () => {
    given.when(credit('cr-1', 100, asFinance)).then([credited('cr-1', 100)]);
    given.when(credit('cr-1', 100, asMediator)).thenThrows('ONLY_SYSTEM_OR_FINANCE');
    given.when(credit('cr-1', 100, asOwner)).thenThrows('ONLY_SYSTEM_OR_FINANCE');
  });

  it.each([0, -5, 1.5])('refuses a credit of %p cents', (amount) => {
    given.when(credit('cr-1', amount)).thenThrows('WALLET_INVALID_AMOUNT');
  });

  it('registers a bank account before any money arrives, IBAN normalised', () => {
    given
      .when(register({ ...BANK, iban: 'fr76 3000 6000 0112 3456 7890 189' }))
      .then([accountRegistered(BANK)]);
  });

  it('registers a PayPal account', () => {
    given.when(register(PAYPAL)).then([accountRegistered(PAYPAL)]);
  });

  it('refuses a corrupted IBAN and a bad PayPal address', () => {
    given
      .when(register({ ...BANK, iban: 'FR76 3000 6000 0112 3456 7890 198' }))
      .thenThrows('INVALID_IBAN');
    given
      .when(register({ ...PAYPAL, email: 'marie-at-example.fr' }))
      .thenThrows('INVALID_PAYPAL_EMAIL');
  });

  it('lets only the owner register an account', () => {
    given.when(register(BANK, asOtherProvider)).thenThrows('NOT_WALLET_OWNER');
    given.when(register(BANK, asSystem)).thenThrows('NOT_WALLET_OWNER');
  });

  it('refuses a withdrawal without an account', () => {
    given.when(reserve('po-1', 100)).thenThrows('NO_WITHDRAWAL_ACCOUNT');
    spec
      .given([credited('cr-1', 5000)])
      .when(reserve('po-1', 100))
      .thenThrows('NO_WITHDRAWAL_ACCOUNT');
  });

  it('knows no payout to return or confirm', () => {
    given.when(returnFailed('po-1')).thenThrows('WALLET_PAYOUT_NOT_FOUND', { payoutId: 'po-1' });
    given.when(confirm('po-1')).thenThrows('WALLET_PAYOUT_NOT_FOUND');
  });
});

describe('Wallet — open, 10 000 available, bank account registered', () => {
  const history = [credited('cr-1', 6000), credited('cr-2', 4000), accountRegistered(BANK)];
  const given = spec.given(history);

  it('answers a repeated credit with nothing (a replayed release)', () => {
    given.when(credit('cr-1', 6000)).then([]);
  });

  it('refuses the same credit id for another amount', () => {
    given.when(credit('cr-1', 7000)).thenThrows('WALLET_ID_REUSED', { field: 'creditId' });
  });

  it('refuses a credit meant for another wallet', () => {
    const elsewhere: WalletCommand = {
      type: 'CreditWallet',
      data: { providerId: 'seller-2', creditId: 'cr-3', escrowId: 'esc-2', amountCents: 100 },
      meta: asSystem,
    };
    given.when(elsewhere).thenThrows('WALLET_PROVIDER_MISMATCH', {
      walletProviderId: PROVIDER,
      providerId: 'seller-2',
    });
  });

  it('reserves a withdrawal of any amount up to the available balance, with the account snapshot', () => {
    given.when(reserve('po-1', 10_000)).then([debited('po-1', 10_000)]);
    given.when(reserve('po-1', 1)).then([debited('po-1', 1)]);
  });

  it('refuses a withdrawal above the available balance', () => {
    given.when(reserve('po-1', 10_001)).thenThrows('INSUFFICIENT_BALANCE', {
      availableCents: 10_000,
      requestedCents: 10_001,
    });
  });

  it('treats ids named like object built-ins as ordinary ids', () => {
    given.when(reserve('po-1', 100, 'constructor')).thenThrows('WITHDRAWAL_ACCOUNT_NOT_FOUND');
    given.when(reserve('constructor', 100)).then([debited('constructor', 100)]);
    given.when(credit('toString', 100)).then([credited('toString', 100)]);
  });

  it('refuses a withdrawal to an unknown account', () => {
    given
      .when(reserve('po-1', 100, 'acc-x'))
      .thenThrows('WITHDRAWAL_ACCOUNT_NOT_FOUND', { accountId: 'acc-x' });
  });

  it('lets only the owner withdraw', () => {
    given
      .when(reserve('po-1', 100, BANK.accountId, asOtherProvider))
      .thenThrows('NOT_WALLET_OWNER');
    given.when(reserve('po-1', 100, BANK.accountId, asFinance)).thenThrows('NOT_WALLET_OWNER');
  });

  it('refuses an empty withdrawal', () => {
    given.when(reserve('po-1', 0)).thenThrows('WALLET_INVALID_AMOUNT');
  });

  it('answers the same registration with nothing and refuses reusing its id for another account', () => {
    given.when(register(BANK)).then([]);
    given
      .when(register({ ...BANK, iban: 'DE89 3704 0044 0532 0130 00' }))
      .thenThrows('WITHDRAWAL_ACCOUNT_ID_TAKEN', { accountId: BANK.accountId });
  });

  it('adds a second account', () => {
    given.when(register(PAYPAL)).then([accountRegistered(PAYPAL)]);
  });
});

describe('Wallet — payout in transit (4 000 of 10 000)', () => {
  const history = [credited('cr-1', 10_000), accountRegistered(BANK), debited('po-1', 4000)];
  const given = spec.given(history);

  it('moves the amount from available to in transit', () => {
    expect(walletBalance(given.state())).toEqual({
      creditedCents: 10_000,
      availableCents: 6000,
      inTransitCents: 4000,
      paidOutCents: 0,
    });
  });

  it('answers the same request with nothing, refuses the id for another amount', () => {
    given.when(reserve('po-1', 4000)).then([]);
    given.when(reserve('po-1', 5000)).thenThrows('WALLET_ID_REUSED', { field: 'payoutId' });
  });

  it('counts only the available part for a new withdrawal', () => {
    given.when(reserve('po-2', 6001)).thenThrows('INSUFFICIENT_BALANCE', { availableCents: 6000 });
  });

  it('returns the exact reserved amount when the payout fails', () => {
    given.when(returnFailed('po-1')).then([returned('po-1', 4000)]);
    expect(walletBalance(spec.given([...history, returned('po-1', 4000)]).state())).toMatchObject({
      availableCents: 10_000,
      inTransitCents: 0,
    });
  });

  it('settles the payout when it is sent', () => {
    given.when(confirm('po-1', asFinance)).then([settled('po-1', 4000)]);
    expect(walletBalance(spec.given([...history, settled('po-1', 4000)]).state())).toMatchObject({
      availableCents: 6000,
      inTransitCents: 0,
      paidOutCents: 4000,
    });
  });

  it('lets only the platform or finance return or settle a payout', () => {
    given.when(returnFailed('po-1', asOwner)).thenThrows('ONLY_SYSTEM_OR_FINANCE');
    given.when(confirm('po-1', asOwner)).thenThrows('ONLY_SYSTEM_OR_FINANCE');
  });
});

describe('Wallet — payout returned', () => {
  const given = spec.given([
    credited('cr-1', 10_000),
    accountRegistered(BANK),
    debited('po-1', 4000),
    returned('po-1', 4000),
  ]);

  it('answers a second failure notice with nothing: the money comes back once', () => {
    given.when(returnFailed('po-1')).then([]);
  });

  it('ignores a redelivered return event when folding', () => {
    const again = walletDecider.evolve(given.state(), returned('po-1', 4000));
    expect(walletBalance(again).availableCents).toBe(10_000);
  });

  it('refuses to settle a returned payout', () => {
    given.when(confirm('po-1')).thenThrows('PAYOUT_ALREADY_SETTLED', { currentStatus: 'returned' });
  });
});

describe('Wallet — payout settled', () => {
  const given = spec.given([
    credited('cr-1', 10_000),
    accountRegistered(BANK),
    debited('po-1', 4000),
    settled('po-1', 4000),
  ]);

  it('answers a repeated confirmation with nothing', () => {
    given.when(confirm('po-1')).then([]);
  });

  it('refuses to give back money already paid out', () => {
    given
      .when(returnFailed('po-1'))
      .thenThrows('PAYOUT_ALREADY_SETTLED', { currentStatus: 'paid_out' });
  });
});
