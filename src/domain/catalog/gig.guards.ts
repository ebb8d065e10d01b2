import { CommandMeta, vatIncluded } from '../shared';
import type { GigDetailsInput, GigExtraInput, SimilarOwnGig } from './gig.commands';
import { GigDetails, GigExtra } from './gig.events';
import {
  GigErrorCode,
  gigIllegalState,
  gigInvalid,
  gigNearDuplicate,
  gigNotFound,
  notGigOwner,
} from './gig.errors';
import type { ExistingGig, GigState } from './gig.state';

export const GIG_RULES = {
  /** Non-archived gigs (drafts included) a seller may have: the seed's "limité à 5". */
  maxGigsPerSeller: 5,
  maxPublishedPerSeller: 5,
  /**
   * pg_trgm similarity of "title description" at or above which a seller's new or edited gig is
   * a near-duplicate of another of theirs (tuned in gig-similarity.int.spec.ts).
   */
  nearDuplicateSimilarity: 0.6,
  vatRateBp: 2_000,
  titleMaxLength: 80,
  categoryMaxLength: 100,
  descriptionMaxLength: 5_000,
  maxPriceCents: 10_000_000,
  minDeliveryDays: 1,
  maxDeliveryDays: 365,
  maxKeywords: 5,
  keywordMaxLength: 30,
  maxGalleryItems: 10,
  mediaRefMaxLength: 500,
  openingMessageMaxLength: 2_000,
  maxExtras: 10,
  extraNameMaxLength: 80,
} as const;

const isText = (value: unknown): value is string => typeof value === 'string';

function requiredText(
  value: unknown,
  field: string,
  code: GigErrorCode,
  maxLength: number,
  tooLong: GigErrorCode,
): string {
  const text = isText(value) ? value.trim() : '';
  if (text.length === 0) throw gigInvalid(code, field);
  if (text.length > maxLength) throw gigInvalid(tooLong, field, { maxLength });
  return text;
}

function price(value: unknown, field: string, code: GigErrorCode): number {
  if (
    typeof value !== 'number' ||
    !Number.isSafeInteger(value) ||
    value <= 0 ||
    value > GIG_RULES.maxPriceCents
  ) {
    throw gigInvalid(code, field, { value, maxPriceCents: GIG_RULES.maxPriceCents });
  }
  return value;
}

function mediaRef(value: unknown, field: string): string {
  if (!isText(value) || value.trim().length === 0 || value.length > GIG_RULES.mediaRefMaxLength) {
    throw gigInvalid(GigErrorCode.INVALID_MEDIA_REF, field, { value });
  }
  return value.trim();
}

function keywords(values: unknown[]): string[] {
  const kept = new Map<string, string>();
  for (const value of values) {
    const keyword = isText(value) ? value.trim() : '';
    if (keyword.length === 0 || keyword.length > GIG_RULES.keywordMaxLength) {
      throw gigInvalid(GigErrorCode.INVALID_KEYWORD, 'keywords', {
        value,
        maxLength: GIG_RULES.keywordMaxLength,
      });
    }
    // Case-insensitive duplicates add no visibility, so they are folded rather than refused.
    if (!kept.has(keyword.toLowerCase())) kept.set(keyword.toLowerCase(), keyword);
  }
  if (kept.size > GIG_RULES.maxKeywords) {
    throw gigInvalid(GigErrorCode.TOO_MANY_KEYWORDS, 'keywords', { max: GIG_RULES.maxKeywords });
  }
  return [...kept.values()];
}

function extras(values: GigExtraInput[], deliveryDays: number): GigExtra[] {
  if (values.length > GIG_RULES.maxExtras) {
    throw gigInvalid(GigErrorCode.TOO_MANY_EXTRAS, 'extras', { max: GIG_RULES.maxExtras });
  }
  const seen = new Set<string>();
  return values.map((extra, index) => {
    const field = `extras[${index}]`;
    if (!isText(extra.extraId) || extra.extraId.length === 0)
      throw gigInvalid(GigErrorCode.INVALID_EXTRA, `${field}.extraId`);
    if (seen.has(extra.extraId))
      throw gigInvalid(GigErrorCode.DUPLICATE_EXTRA, `${field}.extraId`, {
        extraId: extra.extraId,
      });
    seen.add(extra.extraId);
    const name = requiredText(
      extra.name,
      `${field}.name`,
      GigErrorCode.INVALID_EXTRA,
      GIG_RULES.extraNameMaxLength,
      GigErrorCode.INVALID_EXTRA,
    );
    const priceCents = price(extra.priceCents, `${field}.priceCents`, GigErrorCode.INVALID_EXTRA);
    const { deltaDays } = extra;
    if (
      typeof deltaDays !== 'number' ||
      !Number.isSafeInteger(deltaDays) ||
      Math.abs(deltaDays) > GIG_RULES.maxDeliveryDays
    ) {
      throw gigInvalid(GigErrorCode.INVALID_EXTRA, `${field}.deltaDays`, { value: deltaDays });
    }
    // A faster-delivery extra may shorten the delay but never below one day.
    if (deliveryDays + deltaDays < GIG_RULES.minDeliveryDays) {
      throw gigInvalid(GigErrorCode.EXTRA_DELIVERY_TOO_SHORT, `${field}.deltaDays`, {
        deliveryDays,
        deltaDays,
      });
    }
    return {
      extraId: extra.extraId,
      name,
      priceCents,
      vatCents: vatIncluded(priceCents, GIG_RULES.vatRateBp),
      deltaDays,
    };
  });
}

/** Validates and normalises a seller's input; VAT is computed here once, half-even, and stored. */
export function validateGigDetails(input: GigDetailsInput): GigDetails {
  const title = requiredText(
    input.title,
    'title',
    GigErrorCode.TITLE_REQUIRED,
    GIG_RULES.titleMaxLength,
    GigErrorCode.TITLE_TOO_LONG,
  );
  const priceCents = price(input.priceCents, 'priceCents', GigErrorCode.INVALID_PRICE);
  const category = requiredText(
    input.category,
    'category',
    GigErrorCode.CATEGORY_REQUIRED,
    GIG_RULES.categoryMaxLength,
    GigErrorCode.CATEGORY_TOO_LONG,
  );
  const description = requiredText(
    input.description,
    'description',
    GigErrorCode.DESCRIPTION_REQUIRED,
    GIG_RULES.descriptionMaxLength,
    GigErrorCode.DESCRIPTION_TOO_LONG,
  );
  const { deliveryDays } = input;
  if (
    typeof deliveryDays !== 'number' ||
    !Number.isSafeInteger(deliveryDays) ||
    deliveryDays < GIG_RULES.minDeliveryDays ||
    deliveryDays > GIG_RULES.maxDeliveryDays
  ) {
    throw gigInvalid(GigErrorCode.INVALID_DELIVERY_DAYS, 'deliveryDays', {
      value: deliveryDays,
      min: GIG_RULES.minDeliveryDays,
      max: GIG_RULES.maxDeliveryDays,
    });
  }
  const gallery = input.galleryRefs ?? [];
  if (gallery.length > GIG_RULES.maxGalleryItems) {
    throw gigInvalid(GigErrorCode.TOO_MANY_GALLERY_ITEMS, 'galleryRefs', {
      max: GIG_RULES.maxGalleryItems,
    });
  }
  const openingMessage = isText(input.openingMessage) ? input.openingMessage.trim() : '';
  if (openingMessage.length > GIG_RULES.openingMessageMaxLength) {
    throw gigInvalid(GigErrorCode.OPENING_MESSAGE_TOO_LONG, 'openingMessage', {
      maxLength: GIG_RULES.openingMessageMaxLength,
    });
  }
  return {
    title,
    priceCents,
    vatCents: vatIncluded(priceCents, GIG_RULES.vatRateBp),
    category,
    description,
    galleryRefs: gallery.map((ref, index) => mediaRef(ref, `galleryRefs[${index}]`)),
    videoRef: input.videoRef == null ? null : mediaRef(input.videoRef, 'videoRef'),
    keywords: keywords(input.keywords ?? []),
    deliveryDays,
    openingMessage,
    extras: extras(input.extras ?? [], deliveryDays),
  };
}

/**
 * The input a stored gig would have been created from, so an update can be validated as a whole.
 */
export function toInput(details: GigDetails): GigDetailsInput {
  const { vatCents: _vat, extras: storedExtras, ...rest } = details;
  return { ...rest, extras: storedExtras.map(({ vatCents: _v, ...extra }) => extra) };
}

export function existing(state: GigState, gigId: string): ExistingGig {
  if (state.status === 'none') throw gigNotFound(gigId);
  return state;
}

export function ownedBy(gig: ExistingGig, meta: CommandMeta): ExistingGig {
  if (meta.actorId !== gig.sellerId) throw notGigOwner();
  return gig;
}

export function notArchived(gig: ExistingGig): void {
  if (gig.status === 'archived') throw gigIllegalState(GigErrorCode.ARCHIVED, gig.status);
}

/** Refuses a gig that resembles one of the seller's own, naming it. */
export function notNearDuplicate(similar: SimilarOwnGig | null | undefined): void {
  if (similar && similar.similarity >= GIG_RULES.nearDuplicateSimilarity)
    throw gigNearDuplicate(similar, GIG_RULES.nearDuplicateSimilarity);
}
