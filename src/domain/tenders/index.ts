export * from './project.events';
export * from './project.state';
export * from './offer.events';
export * from './tender-categories';
export * from './provider-preferences.events';
export * from './project-fees.events';
export * from './project-fees.commands';
export * from './project-fees.errors';
export { projectFeesDecider } from './project-fees.decider';
export { refundableCents, type ProjectFeeLine, type ProjectFeesState } from './project-fees.state';
export * from './payment-request.events';
export type * from './payment-request.commands';
export { paymentRequestDecider } from './payment-request.decider';
export { PaymentRequestErrorCode } from './payment-request.errors';
export {
  PAYMENT_REQUEST_STATUS_LABELS,
  type ExistingPaymentRequest,
  type PaymentRequestState,
  type PaymentRequestStatus,
} from './payment-request.state';
export { INVOICE_GUIDANCE } from './payment-request.guidance';
export { tenderPreferencesDecider } from './provider-preferences.decider';
export type * from './provider-preferences.commands';
export {
  TENDER_PREFERENCES_RULES,
  TenderPreferencesErrorCode,
} from './provider-preferences.errors';
export { normaliseWord } from './provider-preferences.guards';
export {
  DEFAULT_TENDER_PREFERENCES,
  hiddenOf,
  preferencesOf,
  type HiddenProject,
  type TenderPreferences,
  type TenderPreferencesState,
  type TenderPreferencesStatus,
} from './provider-preferences.state';
export type * from './project.commands';
export * from './project.errors';
export * from './project-fees';
export { projectDecider } from './project.decider';
export { parisDay } from './project.guards';
export * from './project-report.events';
export type * from './offer.commands';
export type * from './project-report.commands';
export { offerDecider } from './offer.decide';
export { OfferErrorCode, OFFER_RULES } from './offer.errors';
export { projectReportDecider, type ProjectReportState } from './project-report.decide';
export { ProjectReportErrorCode, REPORT_RULES } from './project-report.errors';
export * from './certification.events';
export type * from './certification.commands';
export * from './certification.errors';
export { CERTIFICATION_RULES } from './certification.guards';
export {
  CERTIFICATION_STATUS_LABELS,
  REFERENCE_STATUS_LABELS,
  isOpen as isOpenReference,
  reputationOf,
  type CertificationReference,
  type CertificationState,
  type CertificationStatus,
  type ReferenceStatus,
} from './certification.state';
export * from './certification.personal-data';
export * from './project-review.events';
export type * from './project-review.commands';
export {
  PROJECT_REVIEW_COMMENT_MAX_LENGTH,
  ProjectReviewErrorCode,
  alreadyReviewed,
  commentTooLong,
  invalidRating,
  notFinished,
  notAParty as notAReviewParty,
} from './project-review.errors';
export type { GivenReview, ProjectReviewState } from './project-review.state';
export { certificationDecider, projectReviewDecider } from './certification.decider';
export * from './project-account';
