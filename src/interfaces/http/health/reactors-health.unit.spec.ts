import { REACTOR_STALL_MS, reactorsHealth } from './reactors.controller';

const now = Date.parse('2026-11-23T10:00:00.000Z');
const reactor = (name: string, failingForMs: number | null) => ({
  name,
  position: { commit: '10', prepare: '20' },
  handled: 7,
  deadLettered: 1,
  lastError: failingForMs === null ? null : 'Error: connection refused',
  failingSince: failingForMs === null ? null : new Date(now - failingForMs).toISOString(),
  attempts: failingForMs === null ? 0 : 9,
});

describe('the reactors section of /health', () => {
  it('is up while every reactor keeps up, or only briefly retries', () => {
    const report = reactorsHealth(
      [reactor('escrow.gateway', null), reactor('payouts.wallet-crediting', 2_000)],
      now,
    );
    expect(report.healthy).toBe(true);
    expect(report.details.reactors[1]).toEqual({
      name: 'payouts.wallet-crediting',
      handled: 7,
      deadLettered: 1,
      failingSince: '2026-11-23T09:59:58.000Z',
      lastError: 'Error: connection refused',
    });
  });

  it('is down once a reactor has been waiting out the same failure for over a minute', () => {
    const report = reactorsHealth(
      [reactor('escrow.gateway', REACTOR_STALL_MS + 1), reactor('scheduling.jobs', null)],
      now,
    );
    expect(report.healthy).toBe(false);
    expect(report.details.reactors.map((r) => r.name)).toEqual([
      'escrow.gateway',
      'scheduling.jobs',
    ]);
  });
});
