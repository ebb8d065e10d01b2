import {
  amounts,
  as,
  command,
  disputeClosed,
  history,
  ids,
  reported,
  spec,
  times,
} from './mission.fixtures.spec';

describe('ReportMissionProblem', () => {
  it('"Signaler un problème": the client reports; the mission freezes', () => {
    spec
      .given(history.confirmed)
      .when(command.report(undefined, { disputeId: ids.disputeId }))
      .then([reported]);
    expect(spec.given(history.disputed).state()).toMatchObject({
      status: 'disputed',
      dispute: { disputeId: ids.disputeId, reporterRole: 'client', statusAtReport: 'confirmed' },
    });
  });

  it('lets the provider report too, before the start', () => {
    spec
      .given(history.confirmed)
      .when(command.report(as.provider(times.dayBeforeStart)))
      .thenMatches(([event]) =>
        expect(event.data).toMatchObject({ reportedBy: ids.provider1, reporterRole: 'provider' }),
      );
  });

  it('refuses a second report with 409 MISSION_DISPUTED', () => {
    spec.given(history.disputed).when(command.report()).thenThrows('MISSION_DISPUTED');
  });

  it('refuses a report after validation with 409 MISSION_ALREADY_VALIDATED', () => {
    spec.given(history.validated).when(command.report()).thenThrows('MISSION_ALREADY_VALIDATED');
  });

  it('refuses an empty statement with 400 MISSION_TEXT_REQUIRED', () => {
    spec
      .given(history.confirmed)
      .when(command.report(undefined, { statement: ' ' }))
      .thenThrows('MISSION_TEXT_REQUIRED');
  });

  it('refuses a report without a dispute id with 400 MISSION_MISSING_ID', () => {
    spec
      .given(history.confirmed)
      .when(command.report(undefined, { disputeId: '' }))
      .thenThrows('MISSION_MISSING_ID');
  });
});

describe('CloseMissionDispute', () => {
  it('resolves a decided dispute within what is held', () => {
    spec
      .given(history.disputed)
      .when(command.closeDispute())
      .then([disputeClosed('decided')]);
    expect(spec.given(history.resolved).state()).toMatchObject({
      status: 'resolved',
      outcome: { releasedToProviderCents: 2_000, refundedToClientCents: 3_012 },
    });
  });

  it('goes back to confirmed when the dispute is withdrawn', () => {
    spec
      .given(history.disputed)
      .when(
        command.closeDispute(undefined, {
          outcome: 'withdrawn',
          releasedToProviderCents: 0,
          refundedToClientCents: 0,
        }),
      )
      .then([disputeClosed('withdrawn')]);
    expect(spec.given([...history.disputed, disputeClosed('withdrawn')]).state().status).toBe(
      'confirmed',
    );
  });

  it('refuses a decision beyond what is authorised with 422 MISSION_RESOLUTION_EXCEEDS_HELD', () => {
    spec
      .given(history.disputed)
      .when(
        command.closeDispute(undefined, {
          releasedToProviderCents: 3_000,
          refundedToClientCents: 3_001,
        }),
      )
      .thenThrows('MISSION_RESOLUTION_EXCEEDS_HELD', { heldCents: amounts.reservedCents });
  });

  it('refuses to give the provider more than the price', () => {
    spec
      .given(history.disputed)
      .when(
        command.closeDispute(undefined, {
          releasedToProviderCents: 5_013,
          refundedToClientCents: 0,
        }),
      )
      .thenThrows('MISSION_RESOLUTION_EXCEEDS_HELD', { priceCents: amounts.priceCents });
  });

  it('refuses money moved by a withdrawn dispute with 400 MISSION_INVALID_AMOUNT', () => {
    spec
      .given(history.disputed)
      .when(command.closeDispute(undefined, { outcome: 'withdrawn' }))
      .thenThrows('MISSION_INVALID_AMOUNT');
  });

  it('refuses negative amounts with 400 MISSION_INVALID_AMOUNT', () => {
    spec
      .given(history.disputed)
      .when(command.closeDispute(undefined, { refundedToClientCents: -1 }))
      .thenThrows('MISSION_INVALID_AMOUNT');
  });

  it('refuses another dispute’s closure with 409 MISSION_DISPUTE_MISMATCH', () => {
    spec
      .given(history.disputed)
      .when(command.closeDispute(undefined, { disputeId: 'dispute-9' }))
      .thenThrows('MISSION_DISPUTE_MISMATCH', { disputeId: ids.disputeId });
  });

  it('refuses an unknown outcome with 400 MISSION_INVALID_OUTCOME', () => {
    spec
      .given(history.disputed)
      .when(command.closeDispute(undefined, { outcome: 'settled' as never }))
      .thenThrows('MISSION_INVALID_OUTCOME');
  });
});
