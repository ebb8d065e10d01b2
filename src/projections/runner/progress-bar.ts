import { RebuildProgress } from './rebuild';

const WIDTH = 30;

function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  const s = Math.max(0, Math.round(seconds));
  return s >= 3600
    ? `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`
    : s >= 60
      ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`
      : `${s}s`;
}

/** One line: bar, percentage, events read, events per second and the estimated time left. */
export function formatProgress(p: RebuildProgress, now = Date.now()): string {
  const seconds = Math.max(0.001, (now - p.startedAt) / 1000);
  const rate = p.done / seconds;
  const count = p.done.toLocaleString('en-US');
  const speed = `${Math.round(rate).toLocaleString('en-US')} ev/s`;
  if (p.phase === 'swapping') return `swapping generations… ${count} events, ${speed}`;
  if (p.total === null || p.total === 0)
    return `${count} events  ${speed}${p.phase === 'done' ? '  done' : ''}`;
  const ratio = Math.min(1, p.done / p.total);
  const filled = Math.round(ratio * WIDTH);
  const eta =
    p.phase === 'done'
      ? 'done'
      : p.done === 0
        ? 'ETA ?'
        : `ETA ${duration((p.total - p.done) / rate)}`;
  return `[${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${(ratio * 100).toFixed(1).padStart(5)}%  ${count}/${p.total.toLocaleString('en-US')} events  ${speed}  ${eta}`;
}

/** Redraws in place on a terminal, prints a line every few seconds otherwise (logs, CI). */
export function progressPrinter(
  stream: NodeJS.WriteStream = process.stderr,
): (p: RebuildProgress) => void {
  let last = 0;
  return (p) => {
    const now = Date.now();
    const final = p.phase === 'done';
    if (!final && now - last < (stream.isTTY ? 100 : 2000)) return;
    last = now;
    const line = formatProgress(p, now);
    if (stream.isTTY) stream.write(`\r\x1b[2K${line}${final ? '\n' : ''}`);
    else stream.write(`${line}\n`);
  };
}
