import { BusinessRuleError, NotFoundError } from '../../domain/shared';

export const BidsErrorCode = {
  OWN_PROJECT: 'OWN_PROJECT',
  CLIENT_CONTACT_ERASED: 'CLIENT_CONTACT_ERASED',
} as const;

export const ownProject = (projectId: string) =>
  new BusinessRuleError(
    BidsErrorCode.OWN_PROJECT,
    'You posted this project: credits are for the providers who answer it',
    { projectId },
  );

/** The client's account was erased (or closed): their contact details are gone for good. */
export const clientContactErased = (projectId: string) =>
  new NotFoundError(
    BidsErrorCode.CLIENT_CONTACT_ERASED,
    "The client's account was closed and their personal data erased: no contact details remain",
    { projectId },
  );
