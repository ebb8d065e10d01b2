import { ForbiddenError, IllegalStateError, NotFoundError, ValidationError } from '../shared';
import type { SimilarOwnGig } from './gig.commands';
import { GigStatus } from './gig.state';

/** Every code the gig decider can throw, one place for the HTTP layer and its docs. */
export const GigErrorCode = {
  NOT_FOUND: 'GIG_NOT_FOUND',
  ALREADY_EXISTS: 'GIG_ALREADY_EXISTS',
  NOT_GIG_OWNER: 'NOT_GIG_OWNER',
  PROVIDER_NOT_VERIFIED: 'PROVIDER_NOT_VERIFIED',
  LIMIT_REACHED: 'GIG_LIMIT_REACHED',
  NEAR_DUPLICATE: 'GIG_NEAR_DUPLICATE',
  ALREADY_PUBLISHED: 'GIG_ALREADY_PUBLISHED',
  NOT_PUBLISHED: 'GIG_NOT_PUBLISHED',
  ARCHIVED: 'GIG_ARCHIVED',
  INVALID_KIND: 'GIG_INVALID_KIND',
  TITLE_REQUIRED: 'GIG_TITLE_REQUIRED',
  TITLE_TOO_LONG: 'GIG_TITLE_TOO_LONG',
  INVALID_PRICE: 'GIG_INVALID_PRICE',
  CATEGORY_REQUIRED: 'GIG_CATEGORY_REQUIRED',
  CATEGORY_TOO_LONG: 'GIG_CATEGORY_TOO_LONG',
  DESCRIPTION_REQUIRED: 'GIG_DESCRIPTION_REQUIRED',
  DESCRIPTION_TOO_LONG: 'GIG_DESCRIPTION_TOO_LONG',
  INVALID_DELIVERY_DAYS: 'GIG_INVALID_DELIVERY_DAYS',
  TOO_MANY_KEYWORDS: 'GIG_TOO_MANY_KEYWORDS',
  INVALID_KEYWORD: 'GIG_INVALID_KEYWORD',
  TOO_MANY_GALLERY_ITEMS: 'GIG_TOO_MANY_GALLERY_ITEMS',
  INVALID_MEDIA_REF: 'GIG_INVALID_MEDIA_REF',
  OPENING_MESSAGE_TOO_LONG: 'GIG_OPENING_MESSAGE_TOO_LONG',
  TOO_MANY_EXTRAS: 'GIG_TOO_MANY_EXTRAS',
  INVALID_EXTRA: 'GIG_INVALID_EXTRA',
  DUPLICATE_EXTRA: 'GIG_DUPLICATE_EXTRA',
  EXTRA_DELIVERY_TOO_SHORT: 'GIG_EXTRA_DELIVERY_TOO_SHORT',
  INVALID_PUBLISHED_COUNT: 'GIG_INVALID_PUBLISHED_COUNT',
  INVALID_GIG_COUNT: 'GIG_INVALID_GIG_COUNT',
} as const;
export type GigErrorCode = (typeof GigErrorCode)[keyof typeof GigErrorCode];

export const gigNotFound = (gigId: string) =>
  new NotFoundError(GigErrorCode.NOT_FOUND, 'Gig not found', { gigId });

export const gigIllegalState = (
  code: GigErrorCode,
  currentStatus: GigStatus,
  extra: Record<string, unknown> = {},
) =>
  new IllegalStateError(code, `Gig cannot do this while ${currentStatus}`, {
    currentStatus,
    ...extra,
  });

export const notGigOwner = () =>
  new ForbiddenError(GigErrorCode.NOT_GIG_OWNER, 'Only the seller who owns the gig may change it');

export const providerNotVerified = (missingDocuments: readonly string[]) =>
  new ForbiddenError(
    GigErrorCode.PROVIDER_NOT_VERIFIED,
    'The provider has missing or expired documents',
    {
      missingDocuments: [...missingDocuments],
    },
  );

export const gigInvalid = (
  code: GigErrorCode,
  field: string,
  extra: Record<string, unknown> = {},
) => new ValidationError(code, `Invalid gig field: ${field}`, { field, ...extra });

export const gigNearDuplicate = (similar: SimilarOwnGig, threshold: number) =>
  new IllegalStateError(
    GigErrorCode.NEAR_DUPLICATE,
    `The gig is too close to your gig "${similar.title}"`,
    {
      similarGig: { gigId: similar.gigId, title: similar.title },
      similarity: similar.similarity,
      threshold,
    },
  );
