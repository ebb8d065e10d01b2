import { DeciderSpecification } from '../../../test/support/decider-spec';
import { luhnValid, parseSiren } from './association-registration';
import { IN_A_DAY, NOW } from './identity.fixtures.spec';
import { associationVerificationStatus, verificationStatus } from './verification-status';
import { VerificationCommand } from './verification.commands';
import {
  approve,
  approved,
  associationDeclared,
  mediator,
  PROVIDER_ID,
  reject,
  submitted,
  valid,
} from './verification.fixtures.spec';
import { verificationDecider } from './index';

const spec = DeciderSpecification.for(verificationDecider);
const ASSOCIATION_ID = PROVIDER_ID;
const association = (now = NOW) => ({
  now,
  actorId: ASSOCIATION_ID,
  actorRole: 'association' as const,
});

const INPUT = {
  officialName: '  Les Restos   du Cœur de Lyon ',
  rnaNumber: 'w69 1234 567',
  siren: '775 672 272',
  address: { line1: '12 rue des Lilas', postalCode: '69003', city: 'Lyon', country: 'fr' },
  purpose: 'Aide alimentaire.',
  contactName: 'Camille Martin',
};

const declareRegistration = (
  input: Record<string, unknown> = {},
  meta = association(),
): VerificationCommand => ({
  type: 'DeclareAssociationRegistration',
  data: { accountId: ASSOCIATION_ID, ...INPUT, ...input } as never,
  meta,
});

const declared = associationDeclared();

const submitAssociation = (kind: string, documentId = `doc-${kind}`): VerificationCommand => ({
  type: 'SubmitDocument',
  data: {
    providerId: ASSOCIATION_ID,
    documentId,
    kind,
    uploadRef: `uploads/${documentId}.pdf`,
    subject: 'association',
  },
  meta: association(),
});

describe('Association registration details', () => {
  it('records the normalised details, the contact person under personal data', () => {
    spec.given([]).when(declareRegistration()).then([declared]);
  });

  it('records nothing when the same details are declared again', () => {
    spec.given([declared]).when(declareRegistration()).then([]);
  });

  it('records a correction', () => {
    spec
      .given([declared])
      .when(declareRegistration({ purpose: 'Aide alimentaire et maraudes.' }))
      .thenMatches(([e]) =>
        expect(e).toMatchObject({ data: { purpose: 'Aide alimentaire et maraudes.' } }),
      );
  });

  it('takes an association without a SIREN', () => {
    spec
      .given([])
      .when(declareRegistration({ siren: null }))
      .thenMatches(([e]) => expect(e).toMatchObject({ data: { siren: null } }));
  });

  it.each([
    ['an RNA number without its W', { rnaNumber: '691234567' }, 'INVALID_RNA_NUMBER'],
    ['an RNA number of 8 digits', { rnaNumber: 'W69123456' }, 'INVALID_RNA_NUMBER'],
    ['a SIREN failing Luhn', { siren: '775672273' }, 'INVALID_SIREN'],
    ['a SIREN of 8 digits', { siren: '77567227' }, 'INVALID_SIREN'],
    ['an empty name', { officialName: '  ' }, 'INVALID_ASSOCIATION_FIELD'],
    ['an empty purpose', { purpose: '' }, 'INVALID_ASSOCIATION_FIELD'],
    ['a purpose over 2000 characters', { purpose: 'x'.repeat(2001) }, 'INVALID_ASSOCIATION_FIELD'],
    ['no contact person', { contactName: undefined }, 'INVALID_ASSOCIATION_FIELD'],
    ['an address without a city', { address: { ...INPUT.address, city: '' } }, 'INVALID_ADDRESS'],
  ])('refuses %s', (_name, input, code) => {
    spec.given([]).when(declareRegistration(input)).thenThrows(code);
  });

  it('refuses anyone but the account itself', () => {
    spec
      .given([])
      .when(declareRegistration({}, { now: NOW, actorId: 'acc-666', actorRole: 'association' }))
      .thenThrows('NOT_A_PARTY');
  });
});

describe('Association documents', () => {
  it('takes the statutes and the declaration receipt', () => {
    spec
      .given([])
      .when(submitAssociation('association_statutes'))
      .then([submitted('association_statutes')]);
  });

  it('refuses a provider kind on the association file, and an association kind on the provider file', () => {
    spec.given([]).when(submitAssociation('kbis_or_cfe')).thenThrows('UNKNOWN_DOCUMENT_KIND');
    spec
      .given([])
      .when({
        type: 'SubmitDocument',
        data: {
          providerId: ASSOCIATION_ID,
          documentId: 'd',
          kind: 'association_statutes',
          uploadRef: 'u',
        },
        meta: association(),
      })
      .thenThrows('UNKNOWN_DOCUMENT_KIND');
  });

  it('is reviewed by staff as a provider document is, and never expires once approved', () => {
    spec
      .given([submitted('association_statutes')])
      .when(approve('doc-association_statutes'))
      .thenMatches(([e]) =>
        expect(e).toMatchObject({ type: 'DocumentApproved', data: { expiresAt: null } }),
      );
    spec
      .given([submitted('association_registration_receipt')])
      .when(reject('doc-association_registration_receipt', 'Illisible', mediator(IN_A_DAY)))
      .thenMatches(([e]) => expect(e.type).toBe('DocumentRejected'));
  });
});

describe('Association verification status', () => {
  const fold = (events: Parameters<typeof verificationDecider.evolve>[1][]) =>
    events.reduce(verificationDecider.evolve, verificationDecider.initialState());

  it('is verified once the details are declared and both documents approved', () => {
    const state = fold([
      declared,
      ...valid('association_statutes'),
      ...valid('association_registration_receipt'),
    ]);
    expect(associationVerificationStatus(state, IN_A_DAY)).toMatchObject({
      verified: true,
      registered: true,
      missing: [],
      registration: { rnaNumber: 'W691234567', officialName: 'Les Restos du Cœur de Lyon' },
    });
  });

  it('is not verified without the details, or with a document only submitted or rejected', () => {
    const docs = [...valid('association_statutes'), ...valid('association_registration_receipt')];
    expect(associationVerificationStatus(fold(docs), NOW)).toMatchObject({
      verified: false,
      registered: false,
      registration: null,
    });
    const pending = fold([
      declared,
      ...valid('association_statutes'),
      submitted('association_registration_receipt'),
    ]);
    expect(associationVerificationStatus(pending, NOW)).toMatchObject({
      verified: false,
      missing: ['association_registration_receipt'],
    });
  });

  it('leaves the provider status of the same account unchanged', () => {
    const state = fold([
      declared,
      submitted('association_statutes'),
      approved('association_statutes'),
    ]);
    expect(verificationStatus(state, NOW).missing).toEqual([
      'kbis_or_cfe',
      'rib',
      'urssaf_vigilance',
      'tax_compliance',
      'rc_pro',
    ]);
  });
});

describe('SIREN check digit', () => {
  it('accepts known SIRENs and refuses a changed digit', () => {
    expect(luhnValid('732829320')).toBe(true);
    expect(luhnValid('732829321')).toBe(false);
    expect(parseSiren('')).toBeNull();
  });
});
