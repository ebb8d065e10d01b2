import {
  BusinessRuleError,
  ForbiddenError,
  IllegalStateError,
  NotFoundError,
  ValidationError,
} from '../shared';

/** Every code the project decider throws, one place for the HTTP layer and its docs. */
export const ProjectErrorCode = {
  // 400
  TITLE_INVALID: 'PROJECT_TITLE_INVALID',
  DESCRIPTION_INVALID: 'PROJECT_DESCRIPTION_INVALID',
  CATEGORY_UNKNOWN: 'PROJECT_CATEGORY_UNKNOWN',
  BUDGET_INVALID: 'PROJECT_BUDGET_INVALID',
  DEADLINE_INVALID: 'PROJECT_DEADLINE_INVALID',
  TOO_MANY_ATTACHMENTS: 'PROJECT_TOO_MANY_ATTACHMENTS',
  REASON_TOO_LONG: 'PROJECT_REASON_TOO_LONG',
  TERMS_INVALID: 'PROJECT_TERMS_INVALID',
  REVISION_AMOUNT_INVALID: 'PROJECT_REVISION_AMOUNT_INVALID',
  // 403
  CLIENT_ONLY: 'PROJECT_CLIENT_ONLY',
  OWNER_ONLY: 'PROJECT_OWNER_ONLY',
  SELECTED_PROVIDER_ONLY: 'PROJECT_SELECTED_PROVIDER_ONLY',
  NOT_A_PARTY: 'NOT_A_PARTY',
  // 404
  NOT_FOUND: 'PROJECT_NOT_FOUND',
  // 409
  EXISTS: 'PROJECT_EXISTS',
  NOT_OPEN: 'PROJECT_NOT_OPEN',
  NOT_SELECTED: 'PROJECT_NOT_SELECTED',
  NOT_SIGNED: 'PROJECT_NOT_SIGNED',
  REVISION_PENDING: 'PROJECT_REVISION_PENDING',
  NO_SUCH_REVISION: 'PROJECT_NO_SUCH_REVISION',
  // 422
  DEADLINE_PAST: 'PROJECT_DEADLINE_PAST',
  NO_OFFER: 'PROJECT_NO_OFFER',
  PROVIDER_DECLINED: 'PROJECT_PROVIDER_DECLINED',
  REVISION_NOT_LOWER: 'PROJECT_REVISION_NOT_LOWER',
  REVISION_BELOW_FUNDED: 'PROJECT_REVISION_BELOW_FUNDED',
  OWN_REVISION: 'PROJECT_OWN_REVISION',
} as const;
export type ProjectErrorCode = (typeof ProjectErrorCode)[keyof typeof ProjectErrorCode];

export const PROJECT_RULES = {
  titleMin: 5,
  titleMax: 120,
  descriptionMin: 20,
  descriptionMax: 5_000,
  maxAttachments: 10,
  reasonMax: 1_000,
  maxDelayDays: 3_650,
} as const;

const C = ProjectErrorCode;
const R = PROJECT_RULES;

export const titleInvalid = () =>
  new ValidationError(C.TITLE_INVALID, `The title is ${R.titleMin} to ${R.titleMax} characters`, {
    field: 'title',
    minLength: R.titleMin,
    maxLength: R.titleMax,
  });
export const descriptionInvalid = () =>
  new ValidationError(
    C.DESCRIPTION_INVALID,
    `The description is ${R.descriptionMin} to ${R.descriptionMax} characters`,
    { field: 'description', minLength: R.descriptionMin, maxLength: R.descriptionMax },
  );
export const categoryUnknown = (category: unknown) =>
  new ValidationError(C.CATEGORY_UNKNOWN, 'The category is none of the tender categories', {
    field: 'category',
    value: category,
  });
export const budgetInvalid = (field: string) =>
  new ValidationError(
    C.BUDGET_INVALID,
    'The budget is a range of positive whole cents, its minimum at most its maximum',
    { field },
  );
export const deadlineInvalid = () =>
  new ValidationError(C.DEADLINE_INVALID, 'The wished deadline is a calendar day YYYY-MM-DD', {
    field: 'wishedDeadline',
  });
export const deadlinePast = (wishedDeadline: string, today: string) =>
  new BusinessRuleError(C.DEADLINE_PAST, 'The wished deadline is a day after today', {
    wishedDeadline,
    today,
  });
export const tooManyAttachments = () =>
  new ValidationError(
    C.TOO_MANY_ATTACHMENTS,
    `A project has at most ${R.maxAttachments} attachments`,
    { field: 'attachmentFileIds', maxItems: R.maxAttachments },
  );
export const reasonTooLong = () =>
  new ValidationError(C.REASON_TOO_LONG, `The reason is at most ${R.reasonMax} characters`, {
    field: 'reason',
    maxLength: R.reasonMax,
  });
export const termsInvalid = (field: string) =>
  new ValidationError(
    C.TERMS_INVALID,
    `The terms need a positive amount in cents, a delay of 1 to ${R.maxDelayDays} days, a formula base or r0 and a fee payer client or provider`,
    { field },
  );
export const revisionAmountInvalid = () =>
  new ValidationError(
    C.REVISION_AMOUNT_INVALID,
    'The new amount is a positive whole number of cents',
    {
      field: 'toCents',
    },
  );

export const clientOnly = () => new ForbiddenError(C.CLIENT_ONLY, 'Only a client posts a project');
export const ownerOnly = () =>
  new ForbiddenError(C.OWNER_ONLY, 'Only the client who posted the project does this');
export const selectedProviderOnly = () =>
  new ForbiddenError(
    C.SELECTED_PROVIDER_ONLY,
    'Only the selected provider confirms or declines the terms',
  );
/** Someone who is neither the client nor the selected provider: the HTTP layer answers 404. */
export const notAParty = (projectId: string) =>
  new ForbiddenError(C.NOT_A_PARTY, 'Not a party to this project', { projectId });

export const projectNotFound = (projectId: string) =>
  new NotFoundError(C.NOT_FOUND, 'No such project', { projectId });

const illegal = (code: string, message: string, projectId: string, currentStatus: string) =>
  new IllegalStateError(code, message, { projectId, currentStatus });
export const projectExists = (projectId: string, currentStatus: string) =>
  illegal(C.EXISTS, 'This project was already posted', projectId, currentStatus);
export const projectNotOpen = (projectId: string, currentStatus: string) =>
  illegal(C.NOT_OPEN, 'The project is no longer open to offers', projectId, currentStatus);
export const projectNotSelected = (projectId: string, currentStatus: string) =>
  illegal(C.NOT_SELECTED, 'No selection awaits confirmation', projectId, currentStatus);
export const projectNotSigned = (projectId: string, currentStatus: string) =>
  illegal(C.NOT_SIGNED, 'The terms of this project are not signed', projectId, currentStatus);
export const revisionPending = (projectId: string, revisionId: string) =>
  new IllegalStateError(C.REVISION_PENDING, 'An amount revision already awaits an answer', {
    projectId,
    revisionId,
    currentStatus: 'signed',
  });
export const noSuchRevision = (projectId: string, revisionId: string) =>
  new IllegalStateError(C.NO_SUCH_REVISION, 'No such amount revision awaits an answer', {
    projectId,
    revisionId,
    currentStatus: 'signed',
  });

export const noOffer = (providerId: string) =>
  new BusinessRuleError(C.NO_OFFER, 'Only a provider who made an offer can be selected', {
    providerId,
  });
export const providerDeclined = (providerId: string) =>
  new BusinessRuleError(
    C.PROVIDER_DECLINED,
    'This provider declined the terms of this project: they cannot be selected again',
    { providerId },
  );
export const revisionNotLower = (fromCents: number, toCents: number) =>
  new BusinessRuleError(C.REVISION_NOT_LOWER, 'A revision after signature only lowers the amount', {
    fromCents,
    toCents,
  });
export const revisionBelowFunded = (toCents: number, fundedCents: number) =>
  new BusinessRuleError(
    C.REVISION_BELOW_FUNDED,
    'Under R0 the amount cannot go below what the project account has been funded with',
    { toCents, fundedCents },
  );
export const ownRevision = () =>
  new BusinessRuleError(C.OWN_REVISION, 'The other party answers an amount revision');
