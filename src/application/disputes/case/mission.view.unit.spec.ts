import { MISSION_STATUS_LABELS } from '../../../domain/missions';
import {
  emptyMissionView,
  foldMissionView,
  isMissionParty,
  MISSION_VIEW_STATUS_LABELS,
  MissionView,
} from './mission.view';

const requested = {
  type: 'MissionRequested',
  data: {
    missionId: 'm-1',
    escrowId: 'e-1',
    clientId: 'client',
    serviceTypeLabel: 'Ménage',
    startsAt: '2026-03-05T09:00:00.000Z',
    reservedCents: 6_000,
    paymentPlan: 'authorise_now',
    authoriseAt: '2026-03-01T08:00:00.000Z',
  },
};
const confirmed = {
  type: 'MissionConfirmed',
  data: { missionId: 'm-1', providerId: 'provider', priceCents: 5_000 },
};
const reported = (disputeId: string, reportedBy = 'client') => ({
  type: 'MissionProblemReported',
  data: { missionId: 'm-1', disputeId, reportedBy, statusAtReport: 'confirmed' },
});
const closed = (disputeId: string, outcome: 'withdrawn' | 'decided') => ({
  type: 'MissionDisputeClosed',
  data: {
    missionId: 'm-1',
    disputeId,
    outcome,
    releasedToProviderCents: outcome === 'decided' ? 3_000 : 0,
    refundedToClientCents: outcome === 'decided' ? 2_000 : 0,
  },
});
const fold = (events: { type: string; data: unknown }[]): MissionView =>
  events.reduce((v, e) => foldMissionView(v, e), emptyMissionView());

describe('the disputes context’s view of a mission', () => {
  it('shows the missions context’s own status labels', () => {
    expect(MISSION_VIEW_STATUS_LABELS).toEqual(MISSION_STATUS_LABELS);
  });

  it('knows the client, then the confirmed provider, as the only parties', () => {
    const pending = fold([requested]);
    expect(pending).toMatchObject({ status: 'pending', clientId: 'client', providerId: '' });
    expect(isMissionParty(pending, 'client')).toBe(true);
    expect(isMissionParty(pending, 'provider')).toBe(false);
    expect(isMissionParty(fold([requested, confirmed]), 'provider')).toBe(true);
    expect(isMissionParty(fold([]), 'client')).toBe(false);
  });

  it('goes back to confirmed after a withdrawn dispute, and keeps every dispute id', () => {
    const view = fold([requested, confirmed, reported('d-1'), closed('d-1', 'withdrawn')]);
    expect(view).toMatchObject({ status: 'confirmed', problem: null, disputeIds: ['d-1'] });
    const again = fold([
      requested,
      confirmed,
      reported('d-1'),
      closed('d-1', 'withdrawn'),
      reported('d-2', 'provider'),
    ]);
    expect(again).toMatchObject({
      status: 'disputed',
      problem: { disputeId: 'd-2', reportedBy: 'provider' },
      disputeIds: ['d-1', 'd-2'],
    });
  });

  it('is resolved by a decided dispute, with its amounts', () => {
    expect(fold([requested, confirmed, reported('d-1'), closed('d-1', 'decided')])).toMatchObject({
      status: 'resolved',
      closure: { disputeId: 'd-1', releasedToProviderCents: 3_000, refundedToClientCents: 2_000 },
    });
  });

  it('ignores a report before confirmation, a closure of another dispute and unknown types', () => {
    expect(fold([requested, reported('d-1')]).status).toBe('pending');
    expect(fold([requested, confirmed, reported('d-1'), closed('d-9', 'decided')]).status).toBe(
      'disputed',
    );
    expect(fold([requested, { type: 'SomethingElse', data: {} }]).status).toBe('pending');
  });
});
