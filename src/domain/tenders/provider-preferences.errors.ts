import { ForbiddenError, NotFoundError, ValidationError } from '../shared';

/** Every code the tender preferences decider throws, one place for the HTTP layer and its docs. */
export const TenderPreferencesErrorCode = {
  // 400
  UNKNOWN_CATEGORY: 'TENDER_PREFERENCES_UNKNOWN_CATEGORY',
  INVALID_CATEGORIES: 'TENDER_PREFERENCES_INVALID_CATEGORIES',
  TOO_MANY_WORDS: 'TENDER_PREFERENCES_TOO_MANY_WORDS',
  INVALID_WORD: 'TENDER_PREFERENCES_INVALID_WORD',
  INVALID_MIN_BUDGET: 'TENDER_PREFERENCES_INVALID_MIN_BUDGET',
  INVALID_DIGEST: 'TENDER_PREFERENCES_INVALID_DIGEST',
  // 403
  PROVIDER_ONLY: 'TENDER_PREFERENCES_PROVIDER_ONLY',
  // 404
  PROJECT_NOT_FOUND: 'PROJECT_NOT_FOUND',
} as const;
export type TenderPreferencesErrorCode =
  (typeof TenderPreferencesErrorCode)[keyof typeof TenderPreferencesErrorCode];

export const TENDER_PREFERENCES_RULES = {
  maxWords: 10,
  wordMinLength: 2,
  wordMaxLength: 40,
} as const;

const C = TenderPreferencesErrorCode;
const R = TENDER_PREFERENCES_RULES;

export const providerOnly = () =>
  new ForbiddenError(C.PROVIDER_ONLY, 'Only the provider themself keeps their tender preferences');

export const invalidCategories = () =>
  new ValidationError(C.INVALID_CATEGORIES, 'categories must be a list of category slugs', {
    field: 'categories',
  });

export const unknownCategory = (value: unknown) =>
  new ValidationError(C.UNKNOWN_CATEGORY, 'Unknown project category', {
    field: 'categories',
    value,
  });

export const tooManyWords = (count: number) =>
  new ValidationError(C.TOO_MANY_WORDS, `At most ${R.maxWords} words`, {
    field: 'words',
    count,
    max: R.maxWords,
  });

export const invalidWord = (value: unknown) =>
  new ValidationError(
    C.INVALID_WORD,
    `Each word is ${R.wordMinLength} to ${R.wordMaxLength} characters of text`,
    { field: 'words', value, minLength: R.wordMinLength, maxLength: R.wordMaxLength },
  );

export const invalidMinBudget = (value: unknown) =>
  new ValidationError(
    C.INVALID_MIN_BUDGET,
    'minBudgetCents is a non-negative integer number of cents, or null for any budget',
    { field: 'minBudgetCents', value },
  );

export const invalidDigest = (value: unknown) =>
  new ValidationError(C.INVALID_DIGEST, 'digest is true or false', { field: 'digest', value });

export const projectNotFound = (projectId: string) =>
  new NotFoundError(C.PROJECT_NOT_FOUND, 'No project under this id', { projectId });
