export * from './project.events';
export * from './project.state';
export * from './offer.events';
export * from './tender-categories';
export * from './provider-preferences.events';
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
export * from './project-review.errors';
export type { GivenReview, ProjectReviewState } from './project-review.state';
export { certificationDecider, projectReviewDecider } from './certification.decider';
