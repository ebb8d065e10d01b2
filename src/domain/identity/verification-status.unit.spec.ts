import { verificationDecider } from './index';
import { caught, NOW } from './identity.fixtures.spec';
import { assertProviderVerified, verificationStatus } from './verification-status';
import { DocumentKind, VerificationEvent } from './verification.events';
import { PROVIDER_ID, submitted, valid } from './verification.fixtures.spec';

const fold = (events: VerificationEvent[]) =>
  events.reduce(verificationDecider.evolve, verificationDecider.initialState());

const BASE: DocumentKind[] = ['kbis_or_cfe', 'rib', 'urssaf_vigilance', 'tax_compliance', 'rc_pro'];
const allValid = (at = NOW) => BASE.flatMap((kind) => valid(kind, `doc-${kind}`, at));
/** Six-month documents approved at NOW expire on 2025-09-12T10:00Z. */
const SIX_MONTHS = '2025-09-12T10:00:00.000Z';

describe('Provider without a verification stream', () => {
  it('misses the five base documents but not the DPAE', () => {
    expect(verificationStatus(verificationDecider.initialState(), NOW)).toEqual({
      verified: false,
      missing: BASE,
      expired: [],
      expiringWithin15Days: [],
    });
  });

  it('is refused with PROVIDER_NOT_VERIFIED listing the missing documents', () => {
    const error = caught(() => assertProviderVerified(verificationDecider.initialState(), NOW));
    expect(error?.code).toBe('PROVIDER_NOT_VERIFIED');
    expect(error?.details).toEqual({ missingDocuments: BASE, expiredDocuments: [] });
  });
});

describe('Provider with documents under review', () => {
  it('counts pending and rejected documents as missing', () => {
    const state = fold([
      ...allValid().filter((e) => e.data.kind !== 'rib' && e.data.kind !== 'rc_pro'),
      submitted('rib'),
      submitted('rc_pro'),
      {
        type: 'DocumentRejected',
        data: {
          providerId: PROVIDER_ID,
          documentId: 'doc-rc_pro',
          kind: 'rc_pro',
          reviewedBy: 'med-1',
          reason: 'Flou',
          rejectedAt: NOW,
        },
      },
    ]);
    expect(verificationStatus(state, NOW)).toMatchObject({
      verified: false,
      missing: ['rib', 'rc_pro'],
    });
  });
});

describe('Provider with every required document approved', () => {
  it('is verified', () => {
    const state = fold(allValid());
    expect(verificationStatus(state, NOW)).toEqual({
      verified: true,
      missing: [],
      expired: [],
      expiringWithin15Days: [],
    });
    expect(() => assertProviderVerified(state, NOW)).not.toThrow();
  });

  it('needs the DPAE once salary portage is declared', () => {
    const declared = {
      type: 'SalaryPortageDeclared' as const,
      data: { providerId: PROVIDER_ID, salaryPortage: true, declaredAt: NOW },
    };
    expect(verificationStatus(fold([...allValid(), declared]), NOW)).toMatchObject({
      verified: false,
      missing: ['dpae'],
    });
    expect(
      verificationStatus(fold([...allValid(), declared, ...valid('dpae')]), NOW).verified,
    ).toBe(true);
  });

  it('warns 15 days before the six-month documents lapse', () => {
    const state = fold(allValid());
    expect(verificationStatus(state, '2025-08-28T10:00:00.000Z')).toMatchObject({
      verified: true,
      expiringWithin15Days: ['urssaf_vigilance', 'tax_compliance'],
    });
    expect(verificationStatus(state, '2025-08-28T09:59:59.000Z').expiringWithin15Days).toEqual([]);
  });

  it('does not warn when a renewal was approved before the old copy lapses', () => {
    const state = fold([
      ...allValid(),
      ...valid('urssaf_vigilance', 'doc-urssaf-2', '2025-08-20T10:00:00.000Z'),
    ]);
    expect(verificationStatus(state, '2025-09-01T10:00:00.000Z').expiringWithin15Days).toEqual([
      'tax_compliance',
    ]);
  });

  it('counts a document as expired from its expiry instant, before any worker ran', () => {
    const state = fold(allValid());
    expect(verificationStatus(state, SIX_MONTHS)).toEqual({
      verified: false,
      missing: [],
      expired: ['urssaf_vigilance', 'tax_compliance'],
      expiringWithin15Days: [],
    });
    expect(caught(() => assertProviderVerified(state, SIX_MONTHS))?.details).toEqual({
      missingDocuments: ['urssaf_vigilance', 'tax_compliance'],
      expiredDocuments: ['urssaf_vigilance', 'tax_compliance'],
    });
  });

  it('counts a document expired by the platform as expired', () => {
    const state = fold([
      ...allValid(),
      {
        type: 'DocumentExpired',
        data: { providerId: PROVIDER_ID, documentId: 'doc-rc_pro', kind: 'rc_pro', expiredAt: NOW },
      },
    ]);
    expect(verificationStatus(state, NOW)).toMatchObject({ verified: false, expired: ['rc_pro'] });
  });

  it('is verified again once a renewed document is approved', () => {
    const renewedAt = '2025-09-01T10:00:00.000Z';
    const state = fold([
      ...allValid(),
      ...valid('urssaf_vigilance', 'doc-urssaf-2', renewedAt),
      ...valid('tax_compliance', 'doc-tax-2', renewedAt),
    ]);
    expect(verificationStatus(state, SIX_MONTHS)).toMatchObject({
      verified: true,
      expired: [],
      expiringWithin15Days: [],
    });
  });
});
