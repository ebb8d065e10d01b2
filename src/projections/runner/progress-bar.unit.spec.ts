import { formatProgress } from './progress-bar';

describe('rebuild progress line', () => {
  it('shows the bar, the share done, the rate in events per second and the time left', () => {
    const line = formatProgress(
      { done: 250_000, total: 1_000_000, startedAt: 0, phase: 'catching_up' },
      10_000,
    );
    expect(line).toBe(
      `[${'#'.repeat(8)}${'.'.repeat(22)}]  25.0%  250,000/1,000,000 events  25,000 ev/s  ETA 30s`,
    );
  });

  it('gives no estimate before the first batch', () => {
    expect(
      formatProgress({ done: 0, total: 10, startedAt: 0, phase: 'catching_up' }, 1_000),
    ).toMatch(/ETA \?$/);
  });

  it('counts without a bar when the log cannot tell its size', () => {
    expect(
      formatProgress({ done: 1_000, total: null, startedAt: 0, phase: 'catching_up' }, 2_000),
    ).toBe('1,000 events  500 ev/s');
  });

  it('says when it swaps generations and when it is done', () => {
    expect(
      formatProgress({ done: 10, total: 10, startedAt: 0, phase: 'swapping' }, 1_000),
    ).toContain('swapping generations');
    expect(formatProgress({ done: 10, total: 10, startedAt: 0, phase: 'done' }, 1_000)).toMatch(
      /100\.0%.*done$/,
    );
  });
});
