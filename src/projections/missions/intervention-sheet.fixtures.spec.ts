import { InterventionSheet } from './missions.queries';

/** A sheet as the query builds it, for the PDF tests and the sample in docs/. */
export const SAMPLE_SHEET: InterventionSheet = {
  missionId: '6f1c2d3e-4b5a-4c6d-8e7f-901a2b3c4d5e',
  requestNumber: 'M-6F1C2D3E',
  status: 'confirmed',
  statusLabel: 'Rendez-vous confirmé',
  serviceTypeLabel: 'Ménage',
  startsAt: '2026-12-15T13:00:00.000Z',
  durationMinutes: 150,
  details: 'Appartement de 60 m², produits fournis. Merci de passer par la cour.',
  place: { address: '12 rue des Lilas', postalCode: '69003', city: 'Lyon' },
  priceCents: 7_500,
  employer: {
    accountId: 'c0ffee00-0000-4000-a000-000000000001',
    displayName: 'Claire Martin',
    providerReference: null,
    address: {
      line1: '3 place Bellecour',
      line2: null,
      postalCode: '69002',
      city: 'Lyon',
      country: 'FR',
    },
  },
  provider: {
    accountId: 'c0ffee00-0000-4000-a000-000000000002',
    displayName: 'Ana Ménage',
    providerReference: 'PR-7K3Q9',
    address: null,
  },
  issuedAt: '2026-12-02T10:00:00.000Z',
};
