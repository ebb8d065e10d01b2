import { ValidationError } from '../../../domain/shared';
import { comparePositions, LogPosition, RecordedEvent } from '../../shared/event-store.port';

/** The moment a case is rebuilt at: an instant of the log's clock, or a log position (inclusive). */
export type CaseMoment =
  | { kind: 'time'; at: string; epochMs: number }
  | { kind: 'position'; at: string; position: LogPosition };

const POSITION = /^(\d{1,20}):(\d{1,20})$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

export const formatPosition = (p: LogPosition): string => `${p.commit}:${p.prepare}`;

/** `2025-03-01T10:00:00Z` or `<commit>:<prepare>` as printed in each timeline entry. */
export function parseCaseMoment(value: string): CaseMoment {
  const trimmed = value.trim();
  const position = POSITION.exec(trimmed);
  if (position) {
    return {
      kind: 'position',
      at: trimmed,
      position: { commit: BigInt(position[1]), prepare: BigInt(position[2]) },
    };
  }
  const epochMs = Date.parse(trimmed);
  if (ISO_INSTANT.test(trimmed) && Number.isFinite(epochMs)) {
    return { kind: 'time', at: new Date(epochMs).toISOString(), epochMs };
  }
  throw new ValidationError(
    'CASE_AT_INVALID',
    '`at` must be an ISO-8601 instant with its offset (2025-03-01T10:00:00Z) or a log position (<commit>:<prepare>)',
    { at: value },
  );
}

/** Recorded time, not the command's clock: "as it stood" means what the log held then. */
export function isAtOrBefore(event: RecordedEvent, moment: CaseMoment): boolean {
  return moment.kind === 'position'
    ? comparePositions(event.position, moment.position) <= 0
    : event.recordedAt.getTime() <= moment.epochMs;
}
