import type { CommandMeta } from '../shared';
import { textFault } from '../shared/text';
import {
  noteTooLong,
  partnershipAdminOnly,
  PARTNERSHIP_NOTE_MAX_LENGTH,
  PARTNERSHIP_REASON_MAX_LENGTH,
  reasonRequired,
} from './partnership.errors';

const faulty = (value: string) => textFault(value, { controlCharacters: true }) !== null;

export function assertAdmin(meta: CommandMeta): void {
  if (meta.actorRole !== 'admin') throw partnershipAdminOnly();
}

/** Optional: absent, null or blank is no note. */
export function parseNote(input: unknown): string | null {
  if (input === undefined || input === null) return null;
  if (typeof input !== 'string') throw noteTooLong();
  const value = input.trim();
  if (value === '') return null;
  if ([...value].length > PARTNERSHIP_NOTE_MAX_LENGTH || faulty(value)) throw noteTooLong();
  return value;
}

export function parseReason(input: unknown): string {
  const value = typeof input === 'string' ? input.trim() : '';
  if (value === '' || [...value].length > PARTNERSHIP_REASON_MAX_LENGTH || faulty(value))
    throw reasonRequired();
  return value;
}
