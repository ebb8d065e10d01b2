import {
  BusinessRuleError,
  ForbiddenError,
  IllegalStateError,
  NotFoundError,
  ValidationError,
} from '../shared';

/** Every code the offer and report deciders throw, one place for the HTTP layer and its docs. */
export const OfferErrorCode = {
  // 400
  INVALID_AMOUNT: 'OFFER_INVALID_AMOUNT',
  INVALID_DELAY: 'OFFER_INVALID_DELAY',
  INVALID_MESSAGE: 'OFFER_INVALID_MESSAGE',
  // 403
  PROVIDER_ONLY: 'OFFER_PROVIDER_ONLY',
  NOT_AUTHOR: 'OFFER_NOT_AUTHOR',
  NOT_PROJECT_CLIENT: 'OFFER_NOT_PROJECT_CLIENT',
  // 404
  PROJECT_NOT_FOUND: 'PROJECT_NOT_FOUND',
  OFFER_NOT_FOUND: 'OFFER_NOT_FOUND',
  // 409
  PROJECT_NOT_OPEN: 'PROJECT_NOT_OPEN',
  ALREADY_MADE: 'OFFER_ALREADY_MADE',
  // 422
  OWN_PROJECT: 'OFFER_ON_OWN_PROJECT',
} as const;
export type OfferErrorCode = (typeof OfferErrorCode)[keyof typeof OfferErrorCode];

/** The bounds of an offer (seed 003 "Comment faire une offre": amount, delay, message). */
export const OFFER_RULES = {
  maxAmountCents: 100_000_000_00,
  minDelayDays: 1,
  maxDelayDays: 3650,
  minMessageLength: 10,
  maxMessageLength: 5000,
} as const;

const C = OfferErrorCode;

export const offerInvalidAmount = () =>
  new ValidationError(
    C.INVALID_AMOUNT,
    'The amount is a whole number of cents above 0 (TTC, VAT included)',
    { field: 'amountCents', max: OFFER_RULES.maxAmountCents },
  );
export const offerInvalidDelay = () =>
  new ValidationError(
    C.INVALID_DELAY,
    `The delay is a whole number of days from ${OFFER_RULES.minDelayDays} to ${OFFER_RULES.maxDelayDays}`,
    { field: 'delayDays', min: OFFER_RULES.minDelayDays, max: OFFER_RULES.maxDelayDays },
  );
export const offerInvalidMessage = () =>
  new ValidationError(
    C.INVALID_MESSAGE,
    `The message is ${OFFER_RULES.minMessageLength} to ${OFFER_RULES.maxMessageLength} characters of text`,
    {
      field: 'message',
      minLength: OFFER_RULES.minMessageLength,
      maxLength: OFFER_RULES.maxMessageLength,
    },
  );
export const offerProviderOnly = () =>
  new ForbiddenError(C.PROVIDER_ONLY, 'Only a provider makes an offer, for their own account');
export const offerNotAuthor = (offerId: string) =>
  new ForbiddenError(C.NOT_AUTHOR, 'Only the author of the offer changes it', { offerId });
export const offerNotProjectClient = (projectId: string) =>
  new ForbiddenError(C.NOT_PROJECT_CLIENT, "Only the project's client reads its offers", {
    projectId,
  });
export const tenderProjectNotFound = (projectId: string) =>
  new NotFoundError(C.PROJECT_NOT_FOUND, 'No project under this id', { projectId });
export const offerNotFound = (projectId: string) =>
  new NotFoundError(C.OFFER_NOT_FOUND, 'No offer of yours on this project', { projectId });
export const projectNotOpen = (projectId: string, currentStatus: string) =>
  new IllegalStateError(
    C.PROJECT_NOT_OPEN,
    'The project no longer takes offers (a provider was selected, or it was withdrawn)',
    { projectId, currentStatus },
  );
export const offerAlreadyMade = (offerId: string) =>
  new IllegalStateError(
    C.ALREADY_MADE,
    'You already made an offer on this project: change it with PUT …/offers/mine',
    { offerId, currentStatus: 'made' },
  );
export const offerOnOwnProject = (projectId: string) =>
  new BusinessRuleError(C.OWN_PROJECT, 'A client makes no offer on their own project', {
    projectId,
  });
