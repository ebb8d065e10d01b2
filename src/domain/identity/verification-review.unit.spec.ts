import { DeciderSpecification } from '../../../test/support/decider-spec';
import { verificationDecider } from './index';
import { NOW, system } from './identity.fixtures.spec';
import { DocumentExpired } from './verification.events';
import {
  approve,
  approved,
  declare,
  expire,
  MEDIATOR_ID,
  mediator,
  portageDeclared,
  PROVIDER_ID,
  reject,
  submit,
  submitted,
} from './verification.fixtures.spec';

const spec = DeciderSpecification.for(verificationDecider);

describe('Document approved', () => {
  const urssaf = () => spec.given([submitted('urssaf_vigilance'), approved('urssaf_vigilance')]);
  const EXPIRES_AT = '2025-09-12T10:00:00.000Z';
  const expired: DocumentExpired = {
    type: 'DocumentExpired',
    data: {
      providerId: PROVIDER_ID,
      documentId: 'doc-urssaf_vigilance',
      kind: 'urssaf_vigilance',
      expiredAt: EXPIRES_AT,
    },
  };

  it('is not reviewed twice', () => {
    urssaf()
      .when(approve('doc-urssaf_vigilance'))
      .thenThrows('DOCUMENT_NOT_IN_REVIEW', { currentStatus: 'approved' });
    urssaf()
      .when(reject('doc-urssaf_vigilance', 'Non'))
      .thenThrows('DOCUMENT_NOT_IN_REVIEW', { currentStatus: 'approved' });
  });

  it('expires on its recorded date, by the platform', () => {
    urssaf()
      .when(expire('doc-urssaf_vigilance', system(EXPIRES_AT)))
      .then([expired]);
  });

  it('does not expire before its date', () => {
    urssaf()
      .when(expire('doc-urssaf_vigilance', system('2025-09-12T09:59:59.000Z')))
      .thenThrows('DOCUMENT_NOT_YET_EXPIRED', { currentStatus: 'approved', expiresAt: EXPIRES_AT });
  });

  it('is expired by nobody but the platform', () => {
    urssaf()
      .when(expire('doc-urssaf_vigilance', mediator(EXPIRES_AT)))
      .thenThrows('SYSTEM_ONLY');
  });

  it('never expires when its kind has no validity period', () => {
    spec
      .given([submitted('kbis_or_cfe'), approved('kbis_or_cfe')])
      .when(expire('doc-kbis_or_cfe', system('2040-01-01T00:00:00.000Z')))
      .thenThrows('DOCUMENT_DOES_NOT_EXPIRE');
  });

  it('does nothing when the expiry job runs again', () => {
    spec
      .given([submitted('urssaf_vigilance'), approved('urssaf_vigilance'), expired])
      .when(expire('doc-urssaf_vigilance', system('2025-09-13T00:00:00.000Z')))
      .then([]);
  });
});

describe('Document rejected', () => {
  const given = () =>
    spec.given([
      submitted('rib'),
      {
        type: 'DocumentRejected',
        data: {
          providerId: PROVIDER_ID,
          documentId: 'doc-rib',
          kind: 'rib',
          reviewedBy: MEDIATOR_ID,
          reason: 'Flou',
          rejectedAt: NOW,
        },
      },
    ]);

  it('keeps the reason in the state for the provider to read', () => {
    expect(given().state()).toMatchObject({
      documents: { 'doc-rib': { status: 'rejected', rejectionReason: 'Flou' } },
    });
  });

  it('is not reviewed again; the provider sends a new document instead', () => {
    given()
      .when(approve('doc-rib'))
      .thenThrows('DOCUMENT_NOT_IN_REVIEW', { currentStatus: 'rejected' });
    given()
      .when(submit('rib', 'doc-rib-2'))
      .then([submitted('rib', 'doc-rib-2')]);
  });

  it('does not expire', () => {
    given()
      .when(expire('doc-rib', system()))
      .thenThrows('DOCUMENT_NOT_APPROVED', { currentStatus: 'rejected' });
  });
});

describe('Provider with a salary portage declaration', () => {
  it('does nothing when the same answer is declared again', () => {
    spec
      .given([portageDeclared(true)])
      .when(declare(true))
      .then([]);
  });

  it('records a change of answer', () => {
    spec
      .given([portageDeclared(true)])
      .when(declare(false))
      .then([portageDeclared(false)]);
  });
});
