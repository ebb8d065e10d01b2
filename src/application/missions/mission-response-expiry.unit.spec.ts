import type { CommandBus } from '@nestjs/cqrs';
import { IllegalStateError } from '../../domain/shared';
import { jobsFor } from '../scheduling/schedule-rules';
import { RecordedEvent } from '../shared/event-store.port';
import { ManualClock } from '../shared/clock';
import { MissionResponseExpiry } from './mission-response-expiry.job';
import { MissionCommandMessage } from './mission.messages';

const RESPOND_BY = '2026-12-02T09:00:00.000Z';
const recorded = (type: string, id: string): RecordedEvent => ({
  id,
  streamName: 'mission-m-1',
  revision: 0n,
  position: { commit: 1n, prepare: 1n },
  type,
  schemaVersion: 1,
  data: { missionId: 'm-1', respondBy: RESPOND_BY },
  metadata: { correlationId: 'corr-1' },
  recordedAt: new Date('2026-12-01T09:00:00.000Z'),
});

describe('the response window of a mission request', () => {
  it.each([
    ['MissionRequested', '11111111-1111-4111-8111-111111111111'],
    ['MissionRequestChanged', '22222222-2222-4222-8222-222222222222'],
  ])('%s schedules its expiry at respondBy, under an id derived from the event', (type, id) => {
    const [job, ...others] = jobsFor(recorded(type, id), { autoCompleteAfterDays: 3 });
    expect(others).toEqual([]);
    expect(job).toMatchObject({
      queue: 'deadlines',
      payload: {
        kind: 'mission.response-expiry',
        missionId: 'm-1',
        respondBy: RESPOND_BY,
        dueAt: RESPOND_BY,
        causationId: id,
        correlationId: 'corr-1',
      },
    });
    expect(jobsFor(recorded(type, id), { autoCompleteAfterDays: 3 })[0].jobId).toBe(job.jobId);
  });

  const payload = {
    kind: 'mission.response-expiry' as const,
    missionId: 'm-1',
    respondBy: RESPOND_BY,
    dueAt: RESPOND_BY,
    causationId: 'e-1',
    correlationId: 'corr-1',
  };

  it('sends ExpireMission as the system once due, with event ids derived from the job', async () => {
    const sent: MissionCommandMessage[] = [];
    const bus = {
      execute: async (m: MissionCommandMessage) => {
        sent.push(m);
        return { events: [{ type: 'MissionExpired' }] };
      },
    } as unknown as CommandBus;
    const job = new MissionResponseExpiry(bus, new ManualClock('2026-12-02T08:59:59.000Z'));
    expect(await job.run({ jobId: 'j-1', payload })).toEqual({
      result: 'not_due',
      dueAt: RESPOND_BY,
    });
    const due = new MissionResponseExpiry(bus, new ManualClock(RESPOND_BY));
    expect(await due.run({ jobId: 'j-1', payload })).toEqual({
      result: 'done',
      detail: 'MissionExpired',
    });
    expect(sent).toHaveLength(1);
    expect(sent[0].command).toMatchObject({
      type: 'ExpireMission',
      data: { missionId: 'm-1' },
      meta: { actorRole: 'system', now: RESPOND_BY },
    });
    expect(sent[0].options.eventIds).toBeDefined();
  });

  it('ends as obsolete when the mission was confirmed meanwhile', async () => {
    const bus = {
      execute: async () => {
        throw new IllegalStateError('MISSION_NOT_PENDING', 'confirmed', {
          currentStatus: 'confirmed',
        });
      },
    } as unknown as CommandBus;
    const job = new MissionResponseExpiry(bus, new ManualClock(RESPOND_BY));
    expect(await job.run({ jobId: 'j-1', payload })).toMatchObject({
      result: 'obsolete',
      code: 'MISSION_NOT_PENDING',
    });
  });
});
