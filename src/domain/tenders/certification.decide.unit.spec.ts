import { DeciderSpecification } from '../../../test/support/decider-spec';
import {
  add,
  added,
  ADMIN_ID,
  AFTER_EXPIRY,
  answer,
  approved,
  certifiedByReferences,
  confirmed,
  count,
  counted,
  LATER,
  NOW,
  PROVIDER_ID,
  review,
  threeConfirmed,
  withdrawn,
} from './certification.fixtures.spec';
import { certificationDecider } from './index';

const spec = DeciderSpecification.for(certificationDecider);

describe('Certification: a provider adds client references', () => {
  it('records the reference with a link valid 30 days, keeping only the token hash', () => {
    spec.given([]).when(add()).then([added()]);
  });

  it('refuses a reference added by anyone but the provider themself', () => {
    spec
      .given([])
      .when(add('ref-1', {}, 'client'))
      .thenThrows('CERTIFICATION_PROVIDER_ONLY');
    spec
      .given([])
      .when({ ...add(), meta: { now: NOW, actorId: 'other', actorRole: 'provider' } })
      .thenThrows('CERTIFICATION_PROVIDER_ONLY');
  });

  it.each([
    ['name', { name: ' ' }],
    ['email', { email: 'not-an-email' }],
    ['company', { company: '' }],
    ['work', { work: 'x'.repeat(2001) }],
    ['year', { year: 2027 }],
    ['year', { year: 2015 }],
    ['year', { year: '2025' }],
  ])('refuses a bad %s (400)', (field, data) => {
    spec.given([]).when(add('ref-1', data)).thenThrows('CERTIFICATION_INVALID_FIELD', { field });
  });

  it('keeps at most 10 open references (422)', () => {
    const ten = Array.from({ length: 10 }, (_, i) => added(`ref-${i}`));
    spec.given(ten).when(add('ref-x')).thenThrows('CERTIFICATION_TOO_MANY_OPEN_REFERENCES');
  });

  it('counts only open references: a declined one frees a place', () => {
    const ten = Array.from({ length: 10 }, (_, i) => added(`ref-${i}`));
    const declined = {
      type: 'CertificationReferenceDeclined' as const,
      data: { providerId: PROVIDER_ID, referenceId: 'ref-0', comment: null, declinedAt: LATER },
    };
    spec
      .given([...ten, declined])
      .when(add('ref-x'))
      .thenMatches((events) => expect(events).toHaveLength(1));
  });

  it('refuses the same client e-mail twice while the first is open', () => {
    spec
      .given([added('ref-1')])
      .when(add('ref-2', { email: 'REF-1@client.fr' }))
      .thenThrows('CERTIFICATION_REFERENCE_DUPLICATE');
  });

  it('treats a repeated add (same reference id) as done', () => {
    spec.given([added()]).when(add()).then([]);
  });
});

describe('Certification: the e-mail did not arrive', () => {
  const resend = (referenceId = 'ref-1') => ({
    type: 'ResendCertificationReference' as const,
    data: { providerId: PROVIDER_ID, referenceId, tokenHash: 'hash-new' },
    meta: { now: LATER, actorId: PROVIDER_ID, actorRole: 'provider' as const },
  });

  it('sends a new link, valid 30 days from now, replacing the old token', () => {
    spec
      .given([added()])
      .when(resend())
      .then([
        {
          type: 'CertificationReferenceLinkResent',
          data: {
            providerId: PROVIDER_ID,
            referenceId: 'ref-1',
            tokenHash: 'hash-new',
            linkExpiresAt: '2026-04-09T10:00:00.000Z',
            resentAt: LATER,
          },
        },
      ]);
  });

  it('makes the old link unusable and the new one work', () => {
    const resent = certificationDecider.decide(resend(), spec.given([added()]).state());
    spec
      .given([added(), ...resent])
      .when(answer())
      .thenThrows('CERTIFICATION_LINK_INVALID');
    spec
      .given([added(), ...resent])
      .when(answer('ref-1', 'confirm', LATER, 'hash-new'))
      .thenMatches(([e]) => expect(e.type).toBe('CertificationReferenceConfirmed'));
  });

  it('is refused for an unknown reference (404) or one already answered (409)', () => {
    spec.given([]).when(resend()).thenThrows('CERTIFICATION_REFERENCE_NOT_FOUND');
    spec
      .given([added(), confirmed()])
      .when(resend())
      .thenThrows('CERTIFICATION_REFERENCE_ALREADY_ANSWERED', { currentStatus: 'confirmed' });
  });
});

describe('Certification: the reference answers through the link', () => {
  it('confirms with a comment', () => {
    spec.given([added()]).when(answer()).then([confirmed()]);
  });

  it('declines', () => {
    spec
      .given([added()])
      .when(answer('ref-1', 'decline'))
      .thenMatches(([e]) => expect(e.type).toBe('CertificationReferenceDeclined'));
  });

  it('is refused with a wrong token (404), after 30 days (409) and a second time (409)', () => {
    spec
      .given([added()])
      .when(answer('ref-1', 'confirm', LATER, 'forged'))
      .thenThrows('CERTIFICATION_LINK_INVALID');
    spec
      .given([added()])
      .when(answer('ref-1', 'confirm', AFTER_EXPIRY))
      .thenThrows('CERTIFICATION_LINK_EXPIRED');
    spec
      .given([added(), confirmed()])
      .when(answer('ref-1', 'decline'))
      .thenThrows('CERTIFICATION_REFERENCE_ALREADY_ANSWERED');
  });
});

describe('Certification: the SCP reviews confirmed references', () => {
  it('approves a confirmed reference', () => {
    spec.given([added(), confirmed()]).when(review()).then([approved()]);
  });

  it('refuses one with a reason the provider reads, and needs that reason', () => {
    spec
      .given([added(), confirmed()])
      .when(review('ref-1', 'refuse', 'Le client ne confirme pas le montant'))
      .then([
        {
          type: 'CertificationReferenceRefused',
          data: {
            providerId: PROVIDER_ID,
            referenceId: 'ref-1',
            reason: 'Le client ne confirme pas le montant',
            refusedBy: ADMIN_ID,
            refusedAt: LATER,
          },
        },
      ]);
    spec
      .given([added(), confirmed()])
      .when(review('ref-1', 'refuse', '  '))
      .thenThrows('CERTIFICATION_REASON_REQUIRED');
  });

  it('reviews only a confirmed reference, once, and only as an admin', () => {
    spec
      .given([added()])
      .when(review())
      .thenThrows('CERTIFICATION_REFERENCE_NOT_CONFIRMED', { currentStatus: 'sent' });
    spec
      .given([added(), confirmed(), approved()])
      .when(review('ref-1', 'refuse', 'x'))
      .thenThrows('CERTIFICATION_REFERENCE_NOT_CONFIRMED', { currentStatus: 'approved' });
    spec
      .given([added(), confirmed()])
      .when(review('ref-1', 'approve', undefined, 'mediator'))
      .thenThrows('CERTIFICATION_ADMIN_ONLY');
  });

  it('certifies the provider with the third approved reference', () => {
    spec
      .given([...threeConfirmed(), approved('ref-1'), approved('ref-2')])
      .when(review('ref-3'))
      .then([approved('ref-3'), certifiedByReferences()]);
  });

  it('does not certify on two approvals', () => {
    spec
      .given([...threeConfirmed(), approved('ref-1')])
      .when(review('ref-2'))
      .then([approved('ref-2')]);
  });
});

describe('Certification: by reputation', () => {
  const reviews = (ratings: number[]) => ratings.map((r, i) => counted(`p-${i}`, r));

  it('certifies on the 5th client-reviewed project with an average of at least 4.5', () => {
    spec
      .given(reviews([5, 4, 5, 5]))
      .when(count('p-4', 4))
      .then([
        counted('p-4', 4),
        {
          type: 'ProviderCertified',
          data: {
            providerId: PROVIDER_ID,
            basis: 'reputation',
            referenceIds: [],
            reviewedProjects: 5,
            averageRating: 4.6,
            certifiedAt: LATER,
          },
        },
      ]);
  });

  it('does not certify below the average or below 5 projects', () => {
    spec
      .given(reviews([5, 4, 4, 5]))
      .when(count('p-4', 4))
      .then([counted('p-4', 4)]);
    spec
      .given(reviews([5, 5, 5]))
      .when(count('p-3', 5))
      .then([counted('p-3', 5)]);
  });

  it('counts a project once', () => {
    spec
      .given(reviews([5]))
      .when(count('p-0', 1))
      .then([]);
  });
});

describe('Certification: withdrawn by staff', () => {
  const certified = [
    ...threeConfirmed(),
    approved('ref-1'),
    approved('ref-2'),
    approved('ref-3'),
    certifiedByReferences(),
  ];
  const withdraw = (reason: unknown = 'Références invérifiables', role = 'admin' as const) => ({
    type: 'WithdrawCertification' as const,
    data: { providerId: PROVIDER_ID, reason },
    meta: { now: LATER, actorId: ADMIN_ID, actorRole: role },
  });

  it('is withdrawn with a reason', () => {
    spec.given(certified).when(withdraw()).then([withdrawn]);
    spec.given(certified).when(withdraw('')).thenThrows('CERTIFICATION_REASON_REQUIRED');
  });

  it('cannot withdraw an uncertified provider', () => {
    spec.given([]).when(withdraw()).thenThrows('PROVIDER_NOT_CERTIFIED');
  });

  it('old approvals and old reviews no longer certify after a withdrawal', () => {
    const given = spec.given([...certified, withdrawn]);
    expect(given.state()).toMatchObject({ status: 'withdrawn', countingApprovals: [] });
    const reputation = [0, 1, 2, 3, 4].map((i) => counted(`p-${i}`, 5));
    spec
      .given([...reputation, ...certified, withdrawn])
      .when(count('p-0', 5))
      .then([]);
    spec
      .given([...reputation, ...certified, withdrawn])
      .when(count('p-9', 5))
      .thenMatches((events) =>
        expect(events.map((e) => e.type)).toEqual([
          'CertificationReviewCounted',
          'ProviderCertified',
        ]),
      );
  });
});
