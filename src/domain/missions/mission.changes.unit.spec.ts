import { missionDecider } from './index';
import {
  amounts,
  as,
  command,
  history,
  ids,
  proposed,
  proposedTerms,
  spec,
  terms,
  times,
} from './mission.fixtures.spec';

const withProposal = [...history.confirmed, proposed];

describe('ProposeMissionChange', () => {
  it('records the client’s proposal with the price it implies; nothing else changes yet', () => {
    spec.given(history.confirmed).when(command.propose()).then([proposed]);
    const state = spec.given(withProposal).state();
    expect(state).toMatchObject({
      status: 'confirmed',
      terms,
      provider: { priceCents: amounts.priceCents },
      proposal: { proposalId: ids.proposalId, priceCents: amounts.proposedPriceCents },
    });
  });

  it('allows one open proposal at a time: 409 MISSION_CHANGE_PENDING', () => {
    spec
      .given(withProposal)
      .when(command.propose(undefined, { proposalId: 'proposal-2' }))
      .thenThrows('MISSION_CHANGE_PENDING', {
        currentStatus: 'confirmed',
        proposalId: ids.proposalId,
      });
  });

  it('lets only the client propose: the provider gets 403 MISSION_ONLY_CLIENT', () => {
    spec
      .given(history.confirmed)
      .when(command.propose(as.provider()))
      .thenThrows('MISSION_ONLY_CLIENT');
  });

  it('refuses a proposal that changes nothing with 422 MISSION_NOTHING_CHANGED', () => {
    spec
      .given(history.confirmed)
      .when(command.propose(undefined, { proposed: terms }))
      .thenThrows('MISSION_NOTHING_CHANGED');
  });

  it.each([
    [
      'a start in the past',
      { ...proposedTerms, startsAt: '2026-02-01T08:00:00.000Z' },
      'MISSION_START_IN_PAST',
    ],
    [
      'a duration over 12 hours',
      { ...proposedTerms, durationMinutes: 800 },
      'MISSION_INVALID_DURATION',
    ],
    [
      'details too long',
      { ...proposedTerms, details: 'é'.repeat(2_001) },
      'MISSION_DETAILS_TOO_LONG',
    ],
  ])('refuses %s', (_what, proposedValue, code) => {
    spec
      .given(history.confirmed)
      .when(command.propose(undefined, { proposed: proposedValue }))
      .thenThrows(code, {
        field: code === 'MISSION_START_IN_PAST' ? 'proposed.startsAt' : expect.any(String),
      });
  });

  it('refuses a proposal without a price with 400 MISSION_INVALID_PRICE', () => {
    spec
      .given(history.confirmed)
      .when(command.propose(undefined, { priceCents: 0 }))
      .thenThrows('MISSION_INVALID_PRICE');
  });
});

describe('AcceptMissionChange', () => {
  it('replaces the terms and the price, the commission recomputed half-even', () => {
    spec
      .given(withProposal)
      .when(command.acceptChange())
      .then([
        {
          type: 'MissionChangeAccepted',
          data: {
            missionId: ids.missionId,
            clientId: ids.clientId,
            proposalId: ids.proposalId,
            ...proposedTerms,
            priceCents: amounts.proposedPriceCents,
            commissionCents: amounts.proposedCommissionCents,
            providerNetCents: amounts.proposedPriceCents - amounts.proposedCommissionCents,
            previousPriceCents: amounts.priceCents,
            authoriseAt: times.now,
            autoValidateAt: times.proposedAutoValidateAt,
            acceptedAt: times.now,
          },
        },
      ]);
  });

  it('leaves the mission confirmed with the new terms and no open proposal', () => {
    const given = spec.given(withProposal);
    const events = missionDecider.decide(command.acceptChange(), given.state());
    expect(spec.given([...withProposal, ...events]).state()).toMatchObject({
      status: 'confirmed',
      terms: proposedTerms,
      autoValidateAt: times.proposedAutoValidateAt,
      provider: {
        priceCents: amounts.proposedPriceCents,
        commissionCents: 940,
        providerNetCents: 6_578,
      },
      proposal: null,
    });
  });

  it('refuses an answer naming another proposal with 409 MISSION_PROPOSAL_MISMATCH', () => {
    spec
      .given(withProposal)
      .when(command.acceptChange(undefined, { proposalId: 'proposal-0' }))
      .thenThrows('MISSION_PROPOSAL_MISMATCH', { proposalId: ids.proposalId });
  });

  it('refuses an acceptance without an open proposal with 409 MISSION_NO_CHANGE_PROPOSED', () => {
    spec
      .given(history.confirmed)
      .when(command.acceptChange())
      .thenThrows('MISSION_NO_CHANGE_PROPOSED', { currentStatus: 'confirmed' });
  });

  it('refuses a proposal whose start has passed meanwhile with 422 MISSION_START_IN_PAST', () => {
    spec
      .given(withProposal)
      .when(command.acceptChange(as.provider('2026-03-06T15:00:00.000Z')))
      .thenThrows('MISSION_START_IN_PAST');
  });

  it('refuses an auto-validation before the new end with 400 MISSION_INVALID_DEADLINE', () => {
    spec
      .given(withProposal)
      .when(command.acceptChange(undefined, { autoValidateAt: '2026-03-06T16:00:00.000Z' }))
      .thenThrows('MISSION_INVALID_DEADLINE', { field: 'autoValidateAt' });
  });

  it('is the provider’s answer: the client gets 403 MISSION_ONLY_PROVIDER', () => {
    spec
      .given(withProposal)
      .when(command.acceptChange(as.client()))
      .thenThrows('MISSION_ONLY_PROVIDER');
  });

  it('waits while the mission is disputed: 409 MISSION_DISPUTED', () => {
    spec
      .given([...withProposal, history.disputed[3]])
      .when(command.acceptChange())
      .thenThrows('MISSION_DISPUTED', { disputeId: ids.disputeId });
  });
});

describe('RefuseMissionChange', () => {
  it('closes the proposal and keeps the confirmed terms', () => {
    spec
      .given(withProposal)
      .when(command.refuseChange(undefined, { comment: 'Pas disponible ce jour-là.' }))
      .then([
        {
          type: 'MissionChangeRefused',
          data: {
            missionId: ids.missionId,
            proposalId: ids.proposalId,
            comment: 'Pas disponible ce jour-là.',
            refusedAt: times.now,
          },
        },
      ]);
    const events = missionDecider.decide(command.refuseChange(), spec.given(withProposal).state());
    expect(spec.given([...withProposal, ...events]).state()).toMatchObject({
      terms,
      proposal: null,
    });
  });

  it('lets the client propose again after a refusal', () => {
    const events = missionDecider.decide(command.refuseChange(), spec.given(withProposal).state());
    spec
      .given([...withProposal, ...events])
      .when(command.propose(undefined, { proposalId: 'proposal-2' }))
      .thenMatches(([event]) => expect(event.type).toBe('MissionChangeProposed'));
  });

  it('refuses a comment over 1 000 characters with 400 MISSION_TEXT_TOO_LONG', () => {
    spec
      .given(withProposal)
      .when(command.refuseChange(undefined, { comment: 'x'.repeat(1_001) }))
      .thenThrows('MISSION_TEXT_TOO_LONG');
  });
});

describe('WithdrawMissionChange', () => {
  it('lets the client take the proposal back', () => {
    spec
      .given(withProposal)
      .when(command.withdrawChange())
      .then([
        {
          type: 'MissionChangeWithdrawn',
          data: { missionId: ids.missionId, proposalId: ids.proposalId, withdrawnAt: times.now },
        },
      ]);
  });

  it('refuses the provider with 403 MISSION_ONLY_CLIENT', () => {
    spec
      .given(withProposal)
      .when(command.withdrawChange(as.provider()))
      .thenThrows('MISSION_ONLY_CLIENT');
  });

  it('refuses a withdrawal of another proposal with 409 MISSION_PROPOSAL_MISMATCH', () => {
    spec
      .given(withProposal)
      .when(command.withdrawChange(undefined, { proposalId: 'proposal-9' }))
      .thenThrows('MISSION_PROPOSAL_MISMATCH');
  });

  it('drops an unanswered proposal at validation', () => {
    const validation = missionDecider.decide(command.validate(), spec.given(withProposal).state());
    expect(spec.given([...withProposal, ...validation]).state()).toMatchObject({
      status: 'validated',
      proposal: null,
    });
  });
});
