import type { Cents, CommandMeta } from '../shared';
import { textFault } from '../shared/text';
import {
  invalidCategories,
  invalidDigest,
  invalidMinBudget,
  invalidWord,
  providerOnly,
  TENDER_PREFERENCES_RULES,
  tooManyWords,
  unknownCategory,
} from './provider-preferences.errors';
import { isTenderCategory, TENDER_CATEGORY_SLUGS, type TenderCategory } from './tender-categories';

/** A provider acts on their own preferences only. */
export function assertOwnPreferences(meta: CommandMeta, providerId: string): void {
  if (meta.actorRole !== 'provider' || meta.actorId !== providerId) throw providerOnly();
}

/** Known slugs, each once, in the catalogue's order (so an equal set compares equal). */
export function parseCategories(input: unknown): TenderCategory[] {
  if (!Array.isArray(input)) throw invalidCategories();
  for (const value of input) if (!isTenderCategory(value)) throw unknownCategory(value);
  const chosen = new Set(input as TenderCategory[]);
  return TENDER_CATEGORY_SLUGS.filter((slug) => chosen.has(slug));
}

/** How a word and a project's text are compared: NFC, lower case, single spaces. */
export function normaliseWord(value: string): string {
  return value.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('fr-FR');
}

/** At most 10 words of 2 to 40 characters, normalised, each once, in the order given. */
export function parseWords(input: unknown): string[] {
  if (!Array.isArray(input)) throw invalidWord(input);
  const words: string[] = [];
  for (const value of input) {
    if (typeof value !== 'string' || textFault(value, { controlCharacters: true }) !== null)
      throw invalidWord(value);
    const word = normaliseWord(value);
    const length = [...word].length;
    if (
      length < TENDER_PREFERENCES_RULES.wordMinLength ||
      length > TENDER_PREFERENCES_RULES.wordMaxLength
    )
      throw invalidWord(value);
    if (!words.includes(word)) words.push(word);
  }
  if (words.length > TENDER_PREFERENCES_RULES.maxWords) throw tooManyWords(words.length);
  return words;
}

export function parseMinBudget(input: unknown): Cents | null {
  if (input === null || input === undefined) return null;
  if (typeof input !== 'number' || !Number.isSafeInteger(input) || input < 0)
    throw invalidMinBudget(input);
  return input;
}

export function parseDigest(input: unknown): boolean {
  if (typeof input !== 'boolean') throw invalidDigest(input);
  return input;
}
