import { DeciderSpecification } from '../../../test/support/decider-spec';
import { escrowBalance, escrowDecider, EscrowEvent } from './index';
import {
  asBuyer,
  asMediator,
  asSeller,
  freeze,
  frozen,
  fund,
  funded,
  openCommand,
  opened,
  refund,
  refunded,
  release,
  released,
} from './escrow.fixtures.spec';

const spec = DeciderSpecification.for(escrowDecider);
const D1 = { disputeId: 'd1', decisionId: 'dec1' };

describe('Escrow — tender project (R0) funded by tranches, held', () => {
  const history = [opened('project'), funded('t1', 3000)];
  const given = spec.given(history);

  it('opens a project escrow with its first tranche', () => {
    spec
      .given([])
      .when(
        openCommand({
          subject: { kind: 'project', id: 'project-1' },
          commissionRateBp: 0,
          amountCents: 3000,
          paymentRef: 'pi_t1',
        }),
      )
      .then(history);
  });

  it('adds a tranche and reports the funded total', () => {
    given.when(fund('t2', 2000)).then([funded('t2', 2000, 5000)]);
  });

  it('treats a tranche id named like an object built-in as a new tranche', () => {
    given.when(fund('constructor', 2000)).then([funded('constructor', 2000, 5000)]);
  });

  it('answers a repeated tranche with nothing', () => {
    given.when(fund('t1', 3000)).then([]);
  });

  it('refuses a tranche paid by the provider', () => {
    given.when(fund('t2', 2000, asSeller)).thenThrows('ONLY_PAYER');
  });

  it('releases a tranche in part, on receipt of its deliverable', () => {
    given
      .when(release('r1', 1000, 'tranche_released', asBuyer))
      .then([released('r1', 1000, 0, 0, 'tranche_released')]);
    const state = spec.given([...history, released('r1', 1000, 0, 0, 'tranche_released')]).state();
    expect(state.status).toBe('held');
    expect(escrowBalance(state)).toMatchObject({
      fundedCents: 3000,
      releasedCents: 1000,
      heldCents: 2000,
    });
  });

  it('freezes on exactly what the dispute opened on, and refuses if the account moved meanwhile', () => {
    const on = (heldCents: number) => ({ ...freeze('d1'), data: { disputeId: 'd1', heldCents } });
    given.when(on(3000)).then([frozen('d1')]);
    given.when(on(5000)).thenThrows('ESCROW_HELD_CHANGED', {
      currentStatus: 'held',
      heldCents: 3000,
      disputedCents: 5000,
    });
  });

  it('refuses a tranche release by the provider', () => {
    given.when(release('r1', 1000, 'tranche_released', asSeller)).thenThrows('ONLY_PAYER');
  });

  it('refuses releasing beyond what is funded', () => {
    given
      .when(release('r1', 3001, 'tranche_released', asBuyer))
      .thenThrows('ESCROW_INSUFFICIENT_HELD', {
        heldCents: 3000,
        requestedCents: 3001,
      });
  });
});

describe('Escrow — tender project, frozen', () => {
  const given = spec.given([
    opened('project'),
    funded('t1', 3000),
    released('r1', 1000, 0, 0, 'tranche_released'),
    frozen('d1'),
  ]);

  it('lets arbitration decide only over what is funded and still held', () => {
    given
      .when(release('r2', 5000, 'decision', asMediator, D1))
      .thenThrows('ESCROW_INSUFFICIENT_HELD', {
        heldCents: 2000,
        requestedCents: 5000,
      });
    given
      .when(release('r2', 2000, 'decision', asMediator, D1))
      .then([released('r2', 2000, 0, 0, 'decision', D1)]);
  });

  it('stays frozen after a decision that leaves money held', () => {
    const state = spec
      .given([
        opened('project'),
        funded('t1', 3000),
        frozen('d1'),
        refunded('f1', 1000, 'decision', D1),
      ])
      .state();
    expect(state).toMatchObject({ status: 'frozen', disputeId: 'd1', heldCents: 2000 });
  });
});

describe('Escrow — tender project, closed', () => {
  const history = [
    opened('project'),
    funded('t1', 3000),
    released('r1', 3000, 0, 0, 'tranche_released'),
  ];
  const given = spec.given(history);

  it('reopens with a new tranche', () => {
    given.when(fund('t2', 4000)).then([funded('t2', 4000, 7000)]);
    const state = spec.given([...history, funded('t2', 4000, 7000)]).state();
    expect(state.status).toBe('held');
    expect(escrowBalance(state)).toMatchObject({
      fundedCents: 7000,
      releasedCents: 3000,
      heldCents: 4000,
    });
  });

  it('refuses a freeze while nothing is funded', () => {
    given.when(freeze('d1')).thenThrows('ESCROW_CLOSED', { currentStatus: 'closed' });
  });

  it('refuses a refund while nothing is funded', () => {
    given
      .when(refund('f1', 1, 'cancelled', asMediator))
      .thenThrows('ESCROW_CLOSED', { currentStatus: 'closed' });
  });

  it('requires a full release when the client accepts the whole project', () => {
    spec
      .given([...history, funded('t2', 4000, 7000)])
      .when(release('r2', 1000, 'accepted', asBuyer))
      .thenThrows('ESCROW_RELEASE_MUST_BE_FULL', { heldCents: 4000, requestedCents: 1000 });
  });
});

describe('Escrow — tender project, no commission on the account', () => {
  it('refuses to open a project account with a commission rate', () => {
    spec
      .given([])
      .when(openCommand({ subject: { kind: 'project', id: 'project-1' }, commissionRateBp: 1000 }))
      .thenThrows('ESCROW_PROJECT_COMMISSION_REFUSED', { commissionRateBp: 1000 });
  });

  it('pays the provider every cent of a released tranche', () => {
    spec
      .given([opened('project'), funded('t1', 3000)])
      .when(release('r1', 3000, 'tranche_released', asBuyer))
      .then([released('r1', 3000, 0, 0, 'tranche_released')]);
  });

  it('pays every cent on a decision too', () => {
    spec
      .given([opened('project'), funded('t1', 3000), frozen('d1')])
      .when(release('r1', 1200, 'decision', asMediator, D1))
      .then([released('r1', 1200, 0, 0, 'decision', D1)]);
  });

  it('takes no cut from an account opened with a rate before the rule', () => {
    spec
      .given([opened('project', 1000), funded('t1', 3000)])
      .when(release('r1', 1000, 'tranche_released', asBuyer))
      .then([released('r1', 1000, 0, 0, 'tranche_released')]);
  });

  it('still takes the commission on an order', () => {
    spec
      .given([opened('order'), funded('t1', 12_000)])
      .when(release('r1', 12_000, 'accepted', asBuyer))
      .then([released('r1', 12_000, 1200, 200, 'accepted')]);
  });
});

describe('Escrow — tender project, the agreed amount caps the funding', () => {
  const given = spec.given([opened('project'), funded('t1', 3000)]);
  const capped = (trancheId: string, amountCents: number, maxFundedCents: number) => {
    const command = fund(trancheId, amountCents);
    return {
      ...command,
      data: { ...command.data, maxFundedCents, label: ' Maquettes ' },
    };
  };

  it('funds up to the agreed amount exactly, with the tranche label', () => {
    const event = funded('t2', 2000, 5000);
    given
      .when(capped('t2', 2000, 5000))
      .then([{ ...event, data: { ...event.data, label: 'Maquettes' } } as EscrowEvent]);
  });

  it('refuses a tranche that would go beyond the agreed amount', () => {
    given.when(capped('t2', 2001, 5000)).thenThrows('ESCROW_FUNDING_CAP_EXCEEDED', {
      maxFundedCents: 5000,
      fundedCents: 3000,
      requestedCents: 2001,
      remainingCents: 2000,
    });
  });

  it('refuses a first tranche beyond the agreed amount', () => {
    spec
      .given([])
      .when(
        openCommand({
          subject: { kind: 'project', id: 'project-1' },
          commissionRateBp: 0,
          amountCents: 3000,
          maxFundedCents: 2000,
        }),
      )
      .thenThrows('ESCROW_FUNDING_CAP_EXCEEDED', { maxFundedCents: 2000, fundedCents: 0 });
  });
});

describe('Escrow — tender project, releasing a named tranche', () => {
  const given = spec.given([opened('project'), funded('t1', 3000), funded('t2', 2000, 5000)]);
  const releaseTranche = (trancheId: string, amountCents: number) => {
    const command = release(`r-${trancheId}`, amountCents, 'tranche_released', asBuyer);
    return { ...command, data: { ...command.data, trancheId } };
  };

  it('pays that tranche out in full and names it', () => {
    const event = released('r-t2', 2000, 0, 0, 'tranche_released');
    given
      .when(releaseTranche('t2', 2000))
      .then([{ ...event, data: { ...event.data, trancheId: 't2' } } as EscrowEvent]);
  });

  it('refuses another amount than the tranche', () => {
    given.when(releaseTranche('t2', 1000)).thenThrows('ESCROW_TRANCHE_AMOUNT_MISMATCH', {
      trancheCents: 2000,
      requestedCents: 1000,
    });
  });

  it('refuses a tranche never funded', () => {
    given.when(releaseTranche('t9', 1000)).thenThrows('ESCROW_TRANCHE_NOT_FOUND');
  });
});
