import { DeciderSpecification } from '../../../test/support/decider-spec';
import { verificationDecider } from './index';
import { IN_A_DAY, NOW, system } from './identity.fixtures.spec';
import {
  approve,
  declare,
  expire,
  MEDIATOR_ID,
  mediator,
  portageDeclared,
  provider,
  PROVIDER_ID,
  reject,
  submit,
  submitted,
} from './verification.fixtures.spec';

const spec = DeciderSpecification.for(verificationDecider);

describe('Provider without documents', () => {
  it('records a submitted document with its upload reference', () => {
    spec
      .given([])
      .when(submit('rib'))
      .then([submitted('rib')]);
  });

  it('refuses a submission by anyone but the provider', () => {
    spec
      .given([])
      .when(
        submit('rib', 'doc-rib', 'uploads/x.pdf', {
          now: NOW,
          actorId: 'acc-666',
          actorRole: 'provider',
        }),
      )
      .thenThrows('NOT_A_PARTY');
  });

  it('refuses an unknown kind', () => {
    spec
      .given([])
      .when(submit('passport'))
      .thenThrows('UNKNOWN_DOCUMENT_KIND', { kind: 'passport' });
  });

  it('refuses a missing upload reference or document id', () => {
    spec
      .given([])
      .when(submit('rib', 'doc-1', ' '))
      .thenThrows('INVALID_UPLOAD_REF');
    spec.given([]).when(submit('rib', '')).thenThrows('INVALID_DOCUMENT_ID');
  });

  it('records a salary portage declaration', () => {
    spec
      .given([])
      .when(declare(true))
      .then([portageDeclared(true)]);
  });

  it('refuses a declaration that is not yes or no', () => {
    spec
      .given([])
      .when({
        type: 'DeclareSalaryPortage',
        data: { providerId: PROVIDER_ID, salaryPortage: 'true' as unknown as boolean },
        meta: provider(),
      })
      .thenThrows('INVALID_SALARY_PORTAGE', { field: 'salaryPortage' });
  });

  it('refuses a declaration by someone else', () => {
    spec.given([]).when(declare(true, mediator())).thenThrows('NOT_A_PARTY');
  });

  it('has no document to review', () => {
    spec
      .given([])
      .when(approve('doc-rib'))
      .thenThrows('DOCUMENT_NOT_FOUND', { documentId: 'doc-rib' });
  });
});

describe('Document submitted', () => {
  it.each([
    ['urssaf_vigilance', '2025-09-13T10:00:00.000Z'],
    ['tax_compliance', '2025-09-13T10:00:00.000Z'],
    ['rc_pro', '2026-03-13T10:00:00.000Z'],
    ['kbis_or_cfe', null],
    ['rib', null],
    ['dpae', null],
  ] as const)(
    'approves a %s document with expiry %p computed from the approval date',
    (kind, expiresAt) => {
      spec
        .given([submitted(kind)])
        .when(approve(`doc-${kind}`))
        .then([
          {
            type: 'DocumentApproved',
            data: {
              providerId: PROVIDER_ID,
              documentId: `doc-${kind}`,
              kind,
              reviewedBy: MEDIATOR_ID,
              approvedAt: IN_A_DAY,
              expiresAt,
            },
          },
        ]);
    },
  );

  it('clamps to the end of a shorter month (31 August + 6 months)', () => {
    spec
      .given([submitted('urssaf_vigilance')])
      .when(approve('doc-urssaf_vigilance', mediator('2025-08-31T10:00:00.000Z')))
      .thenMatches(([event]) =>
        expect(event.data).toMatchObject({ expiresAt: '2026-02-28T10:00:00.000Z' }),
      );
  });

  it('is reviewed by an admin too', () => {
    spec
      .given([submitted('rib')])
      .when(approve('doc-rib', { now: IN_A_DAY, actorId: 'admin-7', actorRole: 'admin' }))
      .thenMatches(([event]) => expect(event.data).toMatchObject({ reviewedBy: 'admin-7' }));
  });

  it.each(['provider', 'client', 'finance', 'system'] as const)(
    'is not reviewed by a %s',
    (actorRole) => {
      spec
        .given([submitted('rib')])
        .when(approve('doc-rib', { now: IN_A_DAY, actorId: 'x', actorRole }))
        .thenThrows('NOT_A_REVIEWER');
      spec
        .given([submitted('rib')])
        .when(reject('doc-rib', 'Flou', { now: IN_A_DAY, actorId: 'x', actorRole }))
        .thenThrows('NOT_A_REVIEWER');
    },
  );

  it('is not reviewed by staff who are the provider themselves', () => {
    spec
      .given([submitted('rib')])
      .when(approve('doc-rib', { now: IN_A_DAY, actorId: PROVIDER_ID, actorRole: 'admin' }))
      .thenThrows('CANNOT_REVIEW_OWN_DOCUMENT');
  });

  it('is rejected with a reason, recording the reviewer', () => {
    spec
      .given([submitted('rc_pro')])
      .when(reject('doc-rc_pro', '  Attestation illisible '))
      .then([
        {
          type: 'DocumentRejected',
          data: {
            providerId: PROVIDER_ID,
            documentId: 'doc-rc_pro',
            kind: 'rc_pro',
            reviewedBy: MEDIATOR_ID,
            reason: 'Attestation illisible',
            rejectedAt: IN_A_DAY,
          },
        },
      ]);
  });

  it('is not rejected without a reason', () => {
    spec
      .given([submitted('rc_pro')])
      .when(reject('doc-rc_pro', ' '))
      .thenThrows('REJECTION_REASON_REQUIRED');
  });

  it('ignores a retried upload of the same file under the same id', () => {
    spec
      .given([submitted('rib')])
      .when(submit('rib'))
      .then([]);
  });

  it('refuses another file under an id already used', () => {
    spec
      .given([submitted('rib')])
      .when(submit('rib', 'doc-rib', 'uploads/other.pdf'))
      .thenThrows('DOCUMENT_ALREADY_SUBMITTED', {
        documentId: 'doc-rib',
        currentStatus: 'submitted',
      });
  });

  it('does not expire before approval', () => {
    spec
      .given([submitted('rc_pro')])
      .when(expire('doc-rc_pro', system()))
      .thenThrows('DOCUMENT_NOT_APPROVED', { currentStatus: 'submitted' });
  });
});
