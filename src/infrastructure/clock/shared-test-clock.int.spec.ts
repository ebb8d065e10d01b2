import { createTestDatabase, TestDatabase } from '../../../test/support/database';
import { SharedTestClock } from './shared-test-clock';

const DAY = 86_400_000;

/** Two processes' clocks on one database: what one moves, the other reads within its refresh period. */
describe('the shared test clock', () => {
  let db: TestDatabase;
  const clocks: SharedTestClock[] = [];
  const started = async (refreshMs: number) => {
    const clock = new SharedTestClock(db.pool, refreshMs);
    await clock.start();
    clocks.push(clock);
    return clock;
  };

  beforeAll(async () => {
    db = await createTestDatabase('mk_clock');
  });
  afterAll(async () => {
    clocks.forEach((c) => c.stop());
    await db?.drop();
  });

  it('reads real time until moved', async () => {
    const clock = await started(60_000);
    expect(Math.abs(clock.now().getTime() - Date.now())).toBeLessThan(50);
    expect(clock.reading().offsetSeconds).toBe(0);
  });

  it('moves every process: at once after sync(), within the refresh period otherwise', async () => {
    const api = await started(60_000);
    const worker = await started(60_000);
    const polling = await started(200);
    const moved = await api.advance({ seconds: 3 * 86_400 });
    expect(moved.offsetSeconds).toBe(3 * 86_400);
    expect(api.now().getTime() - Date.now()).toBeGreaterThanOrEqual(3 * DAY - 50);
    // Not re-read yet: the worker still reads real time until it syncs.
    expect(worker.now().getTime() - Date.now()).toBeLessThan(DAY);
    await worker.sync();
    expect(worker.now().getTime() - Date.now()).toBeGreaterThanOrEqual(3 * DAY - 50);

    const deadline = Date.now() + 2_000;
    while (polling.now().getTime() - Date.now() < 3 * DAY - 50) {
      if (Date.now() > deadline) throw new Error('the polling clock never caught up');
      await new Promise((r) => setTimeout(r, 20));
    }
  });

  it('moves to an instant, and never back', async () => {
    const clock = await started(60_000);
    await clock.sync();
    const target = new Date(clock.now().getTime() + 10 * DAY).toISOString();
    expect((await clock.advance({ to: target })).now.slice(0, 16)).toBe(target.slice(0, 16));
    await expect(
      clock.advance({ to: new Date(Date.now() + DAY).toISOString() }),
    ).rejects.toMatchObject({ code: 'TEST_CLOCK_CANNOT_GO_BACK' });
    expect(clock.now().getTime()).toBeGreaterThanOrEqual(Date.parse(target) - 50);
  });

  it('adds up moves made at once from several processes', async () => {
    const a = await started(60_000);
    const b = await started(60_000);
    await a.sync();
    const before = a.reading().offsetSeconds;
    await Promise.all([a.advance({ seconds: 3_600 }), b.advance({ seconds: 7_200 })]);
    await a.sync();
    expect(a.reading().offsetSeconds).toBe(before + 10_800);
  });
});
