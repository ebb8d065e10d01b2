import { parseCaseMoment } from '../../application/disputes/case/case-at';
import { decidedCase, ids } from '../../application/disputes/disputes.fixtures.spec';
import { formatCaseReplay } from './case-replay.format';

describe('case replay table', () => {
  it('prints one row per event, oldest first, with time, stream, actor and the plain-words line', async () => {
    const { history } = await decidedCase();
    const result = await history.load(ids.order, { accountId: 'cli:operator', roles: ['admin'] });
    const lines = formatCaseReplay(result).split('\n');
    expect(lines[0]).toBe(`Case ${ids.order} (${result.timeline.length} events)`);
    expect(lines[2]).toMatch(/^#\s+time \(UTC\)\s+stream\s+actor\s+what happened$/);
    const rows = lines.slice(4);
    expect(rows).toHaveLength(result.timeline.length);
    expect(rows[0]).toMatch(
      /^1\s+2025-03-01 \d{2}:\d{2}:\d{2}Z\s+escrow\s+buyer\s+Escrow opened \(commission rate 10 %\)$/,
    );
    expect(rows.find((r) => r.includes('added an internal note'))).toMatch(
      /dispute\s+mediator\s+Mediator added an internal note$/,
    );
    expect(rows[rows.length - 1]).toContain(
      'Order resolved: €40.00 refunded to the buyer, €60.00 released to the seller (commission €6.00)',
    );
  });

  it('ends with the rebuilt state when replayed at a moment', async () => {
    const { history, beforeDecision } = await decidedCase();
    const at = `${beforeDecision.position.commit}:${beforeDecision.position.prepare}`;
    const result = await history.load(
      ids.order,
      { accountId: ids.buyer, roles: ['client'] },
      parseCaseMoment(at),
    );
    const text = formatCaseReplay(result);
    // The note at that position is staff-only, so the buyer's last visible event is the one before it.
    const lastShown = result.timeline[result.timeline.length - 1].position;
    expect(lastShown).not.toBe(at);
    expect(text.split('\n')[0]).toBe(
      `Case ${ids.order} as of ${at} (${result.timeline.length} of ${result.totalEvents} events, last at ${lastShown})`,
    );
    expect(text).toContain('Order   Contesté (contested), €100.00');
    expect(text).toContain(
      'Escrow  Bloqué (contestation) (frozen): held €100.00, refunded €0.00, released €0.00, commission €0.00',
    );
    expect(text).toMatch(
      /Dispute [0-9a-f-]{36}: En cours d’examen \(under_review\), mediator a9d8c7b6/,
    );
  });
});
