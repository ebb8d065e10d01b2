/**
 * The reference's name and e-mail are kept encrypted with the provider's key: erasing the
 * provider shreds the contacts they gave.
 */
export const CERTIFICATION_PERSONAL_FIELDS = {
  CertificationReferenceAdded: { owner: 'providerId', paths: ['contact.name', 'contact.email'] },
} as const;
