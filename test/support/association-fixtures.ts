import { randomUUID } from 'node:crypto';
import { EVENT_STORE, EventStore } from '../../src/application/shared/event-store.port';
import { ASSOCIATION_DOCUMENT_KINDS } from '../../src/domain/identity';
import type { TestApp } from './test-app';

/**
 * Makes an account a verified association straight in its verification stream (as the association's
 * declaration and staff's approvals would): its registration details and every required document approved.
 */
export async function seedVerifiedAssociation(
  t: TestApp,
  associationId: string,
  officialName = 'Les Restos du Quartier',
): Promise<void> {
  const store = t.app.get<EventStore>(EVENT_STORE);
  const at = new Date(Date.now() - 86_400_000).toISOString();
  const declared = {
    id: randomUUID(),
    type: 'AssociationRegistrationDeclared',
    data: {
      accountId: associationId,
      officialName,
      rnaNumber: 'W751234567',
      siren: null,
      address: {
        line1: '1 rue de la Paix',
        line2: null,
        postalCode: '75002',
        city: 'Paris',
        country: 'FR',
      },
      purpose: 'Aide alimentaire',
      declaredAt: at,
      personal: { contactName: 'Camille Martin' },
    },
  };
  const documents = ASSOCIATION_DOCUMENT_KINDS.flatMap((kind) => {
    const documentId = randomUUID();
    return [
      {
        id: randomUUID(),
        type: 'DocumentSubmitted',
        data: {
          providerId: associationId,
          documentId,
          kind,
          uploadRef: `uploads/${kind}.pdf`,
          submittedAt: at,
        },
      },
      {
        id: randomUUID(),
        type: 'DocumentApproved',
        data: {
          providerId: associationId,
          documentId,
          kind,
          reviewedBy: 'seed-admin',
          approvedAt: at,
          expiresAt: null,
        },
      },
    ];
  });
  await store.appendToStream(`verification-${associationId}`, [declared, ...documents], {
    expectedRevision: 'any',
  });
}
