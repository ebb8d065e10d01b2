import type { CaseHistoryResult, CaseState } from '../../application/disputes/case/case-history';
import { formatEuros } from '../../domain/disputes';

/** A terminal table of a case history, followed by the state when it was rebuilt `at` a moment. */
export function formatCaseReplay(result: CaseHistoryResult): string {
  const rows = result.timeline.map((e) => [
    String(e.seq),
    e.time.replace('T', ' ').replace(/\.\d{3}Z$/, 'Z'),
    e.stream,
    e.actor.caseRole,
    e.description,
  ]);
  const header = ['#', 'time (UTC)', 'stream', 'actor', 'what happened'];
  const widths = header.map((h, i) =>
    i === header.length - 1 ? 0 : Math.max(h.length, ...rows.map((r) => r[i].length)),
  );
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]))).join('  ');
  const title = result.asOf
    ? `Case ${caseName(result)} as of ${result.asOf.at} (${result.timeline.length} of ${result.totalEvents} events, last at ${result.asOf.lastPosition ?? 'none'})`
    : `Case ${caseName(result)} (${result.timeline.length} events)`;
  const out = [
    title,
    '',
    line(header),
    line(widths.map((w, i) => '-'.repeat(i === widths.length - 1 ? header[i].length : w))),
    ...rows.map(line),
  ];
  if (rows.length === 0) out.push('(no event yet at that moment)');
  if (result.state) out.push('', ...formatState(result.state));
  return out.join('\n');
}

/** An order's case keeps its bare id, as before missions; a mission's says so. */
function caseName(result: CaseHistoryResult): string {
  return result.subject.kind === 'mission' ? `of mission ${result.subject.id}` : result.subject.id;
}

function formatState(state: CaseState): string[] {
  const { order, escrow, mission } = state;
  const lines = [
    mission
      ? `Mission ${mission.statusLabel ?? 'not requested yet'} (${mission.status}), ${formatEuros(mission.priceCents)}`
      : `Order   ${order.statusLabel ?? 'not placed yet'}${order.status === 'none' ? '' : ` (${order.status}), ${formatEuros(order.amountCents)}`}`,
    `Escrow  ${escrow.statusLabel} (${escrow.status}): held ${formatEuros(escrow.heldCents)}, refunded ${formatEuros(escrow.refundedCents)}, released ${formatEuros(escrow.releasedCents)}, commission ${formatEuros(escrow.commissionCents)}`,
  ];
  for (const { disputeId, statusLabel, state: dispute } of state.disputes) {
    if (dispute.status === 'none') {
      lines.push(`Dispute ${disputeId}: not opened yet`);
      continue;
    }
    const mediator = dispute.mediatorId ? `, mediator ${dispute.mediatorId}` : ', no mediator yet';
    lines.push(
      `Dispute ${disputeId}: ${statusLabel} (${dispute.status})${mediator}, response due ${dispute.responseDueAt}`,
    );
  }
  return lines;
}
