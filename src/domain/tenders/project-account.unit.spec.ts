import type { EscrowEvent } from '../escrow';
import { DomainError } from '../shared';
import {
  accountSummary,
  assertMayFund,
  assertMayRelease,
  foldAccount,
  ProjectAccount,
} from './project-account';
import type { ProjectEvent, ProjectTerms } from './project.events';
import { evolve, initialState, ProjectState } from './project.state';

const AT = '2026-12-01T10:00:00.000Z';
const terms = (formula: ProjectTerms['formula'], amountCents = 500_000): ProjectTerms => ({
  amountCents,
  delayDays: 60,
  formula,
  feePayer: 'client',
});

function project(formula: ProjectTerms['formula'] = 'r0', signed = true): ProjectState {
  const events: ProjectEvent[] = [
    {
      type: 'ProjectPosted',
      data: {
        projectId: 'p1',
        clientId: 'client-1',
        title: 'Site vitrine',
        description: 'Cinq pages',
        category: 'developpement-web',
        budgetMinCents: 300_000,
        budgetMaxCents: 600_000,
        wishedDeadline: '2027-03-01',
        attachmentFileIds: [],
        postedAt: AT,
      },
    },
    {
      type: 'ProjectProviderSelected',
      data: {
        projectId: 'p1',
        clientId: 'client-1',
        providerId: 'provider-1',
        offerId: 'o1',
        terms: terms(formula),
        selectedAt: AT,
      },
    },
  ];
  if (signed)
    events.push({
      type: 'ProjectTermsConfirmed',
      data: {
        projectId: 'p1',
        clientId: 'client-1',
        providerId: 'provider-1',
        terms: terms(formula),
        fees: { finderFeeCents: 25_000, r0OptionCents: 9_900 },
        confirmedAt: AT,
      },
    });
  return events.reduce(evolve, initialState());
}

const funded = (trancheId: string, amountCents: number, label?: string): EscrowEvent => ({
  type: 'EscrowFunded',
  data: {
    escrowId: 'e1',
    trancheId,
    amountCents,
    paymentRef: `pi_${trancheId}`,
    fundedTotalCents: 0,
    ...(label ? { label } : {}),
  },
});
const released = (releaseId: string, amountCents: number, trancheId?: string): EscrowEvent => ({
  type: 'EscrowReleased',
  data: {
    escrowId: 'e1',
    releaseId,
    payeeId: 'provider-1',
    amountCents,
    commissionCents: 0,
    vatOnCommissionCents: 0,
    payeeNetCents: amountCents,
    reason: trancheId ? 'tranche_released' : 'decision',
    ...(trancheId ? { trancheId } : { disputeId: 'd1', decisionId: 'dec1' }),
  },
});
const refunded = (amountCents: number): EscrowEvent => ({
  type: 'EscrowRefunded',
  data: {
    escrowId: 'e1',
    refundId: 'f1',
    payerId: 'client-1',
    amountCents,
    reason: 'decision',
    disputeId: 'd1',
    decisionId: 'dec1',
  },
});
const frozen: EscrowEvent = { type: 'EscrowFrozen', data: { escrowId: 'e1', disputeId: 'd1' } };
const account = (...events: EscrowEvent[]): ProjectAccount =>
  foldAccount(events.map((event) => ({ event, at: AT })));

const codeOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return { code: error.code, ...error.details };
    throw error;
  }
  return null;
};

describe('R0 account — funding', () => {
  it('given a signed R0 project, when the client funds within the agreed amount, then it may', () => {
    expect(assertMayFund(project(), account(funded('t1', 300_000)), 200_000)).toEqual({
      projectId: 'p1',
      clientId: 'client-1',
      providerId: 'provider-1',
      agreedCents: 500_000,
    });
  });

  it('given a funded account, when a tranche would pass the agreed amount, then it is refused', () => {
    expect(codeOf(() => assertMayFund(project(), account(funded('t1', 300_000)), 200_001))).toEqual(
      {
        code: 'PROJECT_ACCOUNT_OVERFUNDED',
        agreedCents: 500_000,
        fundedCents: 300_000,
        requestedCents: 200_001,
        unfundedCents: 200_000,
      },
    );
  });

  it('given a base-formula project, when the client funds, then there is no account', () => {
    expect(codeOf(() => assertMayFund(project('base'), account(), 1_000))?.code).toBe(
      'PROJECT_ACCOUNT_NOT_R0',
    );
  });

  it('given a project not yet signed, when the client funds, then it is refused', () => {
    expect(codeOf(() => assertMayFund(project('r0', false), account(), 1_000))).toMatchObject({
      code: 'PROJECT_ACCOUNT_NOT_SIGNED',
      currentStatus: 'selected',
    });
  });

  it('given a frozen account, when the client funds, then it is refused', () => {
    expect(
      codeOf(() => assertMayFund(project(), account(funded('t1', 1_000), frozen), 1_000)),
    ).toMatchObject({ code: 'PROJECT_ACCOUNT_FROZEN', disputeId: 'd1' });
  });

  it('given an amount revised below what is funded, then nothing is left to fund', () => {
    const revised = evolve(project(), {
      type: 'ProjectAmountRevised',
      data: {
        projectId: 'p1',
        revisionId: 'r1',
        fromCents: 500_000,
        toCents: 250_000,
        acceptedBy: 'provider-1',
        fees: { finderFeeCents: 12_500, r0OptionCents: 9_900 },
        previousFees: { finderFeeCents: 25_000, r0OptionCents: 9_900 },
        revisedAt: AT,
      },
    });
    const funds = account(funded('t1', 300_000));
    expect(codeOf(() => assertMayFund(revised, funds, 1))?.code).toBe('PROJECT_ACCOUNT_OVERFUNDED');
    expect(accountSummary(250_000, funds).unfundedCents).toBe(0);
  });
});

describe('R0 account — release and gestion paiements', () => {
  it('given two tranches, when the first is released, then the account shows it', () => {
    const now = account(
      funded('t1', 150_000, 'Maquettes'),
      funded('t2', 200_000),
      released('r1', 150_000, 't1'),
    );
    expect(accountSummary(500_000, now)).toEqual({
      agreedCents: 500_000,
      fundedCents: 350_000,
      releasedCents: 150_000,
      refundedCents: 0,
      heldCents: 200_000,
      unfundedCents: 150_000,
    });
    expect(now.tranches.map((t) => [t.label, t.status])).toEqual([
      ['Maquettes', 'released'],
      ['Tranche 2', 'funded'],
    ]);
  });

  it('given a released tranche, when released again, then it is already settled', () => {
    const now = account(funded('t1', 150_000), released('r1', 150_000, 't1'));
    expect(codeOf(() => assertMayRelease(now, 't1'))).toMatchObject({
      code: 'PROJECT_TRANCHE_ALREADY_SETTLED',
      currentStatus: 'released',
    });
    expect(codeOf(() => assertMayRelease(now, 't9'))?.code).toBe('PROJECT_TRANCHE_NOT_FOUND');
  });

  it('given a frozen account, when the client releases, then it is refused', () => {
    expect(codeOf(() => assertMayRelease(account(funded('t1', 1_000), frozen), 't1'))?.code).toBe(
      'PROJECT_ACCOUNT_FROZEN',
    );
  });

  it('given a decision, then it is drawn from the tranches still on the account, oldest first, and ends the freeze', () => {
    const now = account(
      funded('t1', 100_000),
      funded('t2', 200_000),
      funded('t3', 50_000),
      released('r1', 200_000, 't2'),
      frozen,
      refunded(120_000),
      released('r2', 30_000),
    );
    expect(now.tranches.map((t) => [t.status, t.releasedCents, t.refundedCents])).toEqual([
      ['refunded', 0, 100_000],
      ['released', 200_000, 0],
      ['split', 30_000, 20_000],
    ]);
    expect(now).toMatchObject({ heldCents: 0, frozenBy: null });
  });
});
