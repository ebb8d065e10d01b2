import {
  adminId,
  creditsTerms,
  define,
  defined,
  now,
  packDefined,
  packId,
  packInput,
  planId,
  proInput,
  retire,
  retired,
  revise,
  revised,
  serviceTypeId,
  spec,
} from './plan.fixtures.spec';

const NO_CREDITS = { consultation: 0, offer: 0, direct_contact: 0 };

describe('Plan: when none', () => {
  it('defines a credits plan at version 1 with the trimmed name, recording who did it', () => {
    spec
      .given([])
      .when(
        define({
          name: '  Crédits   Essentiel ',
          benefits: ['  10 consultations de projets', '5 offres '],
        }),
      )
      .then([
        {
          type: 'PlanDefined',
          data: {
            planId,
            kind: 'credits',
            name: 'Crédits Essentiel',
            description: 'Des crédits chaque mois pour répondre aux demandes.',
            version: 1,
            terms: creditsTerms,
            definedBy: adminId,
            definedAt: now,
          },
        },
      ]);
  });

  it('defines a Pro plan: a period, no credits, no hour pack', () => {
    spec
      .given([])
      .when(define(proInput, 'admin', 'pro'))
      .thenMatches(([e]) =>
        expect(e.data).toMatchObject({
          planId: 'pro',
          kind: 'pro',
          terms: { period: 'month', credits: NO_CREDITS, hourPack: null },
        }),
      );
  });

  it('defines an hour pack: no period, no credits, the hours of an active service type', () => {
    spec
      .given([])
      .when(define(packInput, 'admin', packId))
      .thenMatches(([e]) =>
        expect(e.data).toMatchObject({
          kind: 'hour_pack',
          terms: {
            priceTtcCents: 22_000,
            period: null,
            credits: NO_CREDITS,
            hourPack: { serviceTypeId, minutes: 600, validityMonths: 12 },
          },
        }),
      );
  });

  it('lets the operator seed command (system) define one', () => {
    spec
      .given([])
      .when(define({}, 'system'))
      .thenMatches(([e]) => expect(e.type).toBe('PlanDefined'));
  });

  it.each(['provider', 'client', 'mediator', 'finance'] as const)('refuses a %s', (role) => {
    spec.given([]).when(define({}, role)).thenThrows('PLAN_STAFF_ONLY');
  });

  it.each([
    ['an unknown kind', { kind: 'gold' as never }, 'PLAN_INVALID_KIND'],
    ['an empty name', { name: '   ' }, 'PLAN_NAME_REQUIRED'],
    ['a name of 81 characters', { name: 'x'.repeat(81) }, 'PLAN_NAME_TOO_LONG'],
    ['a name without letters or digits', { name: '€€ !!' }, 'PLAN_NAME_WITHOUT_LETTERS'],
    [
      'a description over 1 000 characters',
      { description: 'd'.repeat(1_001) },
      'PLAN_DESCRIPTION_TOO_LONG',
    ],
    ['a price under 1 €', { priceTtcCents: 99 }, 'PLAN_PRICE_OUT_OF_RANGE'],
    ['a price over 10 000 €', { priceTtcCents: 1_000_001 }, 'PLAN_PRICE_OUT_OF_RANGE'],
    ['a price in fractions of a cent', { priceTtcCents: 2_900.5 }, 'PLAN_PRICE_OUT_OF_RANGE'],
    [
      '11 benefits',
      { benefits: Array.from({ length: 11 }, (_, i) => `Avantage ${i}`) },
      'PLAN_TOO_MANY_BENEFITS',
    ],
    ['an empty benefit', { benefits: ['Un', '  '] }, 'PLAN_BENEFIT_INVALID'],
    ['a benefit of 121 characters', { benefits: ['b'.repeat(121)] }, 'PLAN_BENEFIT_INVALID'],
    ['a subscription without period', { period: null }, 'PLAN_PERIOD_REQUIRED'],
    ['an unknown period', { period: 'week' as never }, 'PLAN_PERIOD_REQUIRED'],
    ['1 001 credits of a kind', { credits: { consultation: 1_001 } }, 'PLAN_CREDITS_OUT_OF_RANGE'],
    ['negative credits', { credits: { consultation: 3, offer: -1 } }, 'PLAN_CREDITS_OUT_OF_RANGE'],
    ['a credits plan granting none', { credits: {} }, 'PLAN_CREDITS_REQUIRED'],
    [
      'hour-pack terms on a credits plan',
      { hourPack: packInput.hourPack },
      'PLAN_HOUR_PACK_NOT_ALLOWED',
    ],
  ])('refuses %s', (_what, overrides, code) => {
    spec.given([]).when(define(overrides)).thenThrows(code);
  });

  it('names the field and the bounds of a refused value', () => {
    spec
      .given([])
      .when(define({ priceTtcCents: 50 }))
      .thenThrows('PLAN_PRICE_OUT_OF_RANGE', { field: 'priceTtcCents', min: 100, max: 1_000_000 });
  });

  it.each([
    ['credits', { ...proInput, credits: { offer: 1 } }, 'PLAN_CREDITS_NOT_ALLOWED'],
    ['a missing period', { ...proInput, period: undefined }, 'PLAN_PERIOD_REQUIRED'],
  ])('refuses a Pro plan with %s', (_what, input, code) => {
    spec
      .given([])
      .when(define(input, 'admin', 'pro'))
      .thenThrows(code);
  });

  it.each([
    ['a period', { period: 'month' as const }, 'PLAN_PERIOD_NOT_ALLOWED'],
    ['credits', { credits: { direct_contact: 1 } }, 'PLAN_CREDITS_NOT_ALLOWED'],
    ['no hour-pack terms', { hourPack: null }, 'PLAN_HOUR_PACK_REQUIRED'],
    [
      'no service type',
      { hourPack: { serviceTypeId: ' ', minutes: 600, validityMonths: 12 } },
      'PLAN_HOUR_PACK_REQUIRED',
    ],
    [
      '30 minutes',
      { hourPack: { serviceTypeId, minutes: 30, validityMonths: 12 } },
      'PLAN_HOUR_PACK_MINUTES_INVALID',
    ],
    [
      '20 010 minutes',
      { hourPack: { serviceTypeId, minutes: 20_010, validityMonths: 12 } },
      'PLAN_HOUR_PACK_MINUTES_INVALID',
    ],
    [
      '615 minutes (not a multiple of 30)',
      { hourPack: { serviceTypeId, minutes: 615, validityMonths: 12 } },
      'PLAN_HOUR_PACK_MINUTES_INVALID',
    ],
    [
      'a validity of 0 months',
      { hourPack: { serviceTypeId, minutes: 600, validityMonths: 0 } },
      'PLAN_HOUR_PACK_VALIDITY_INVALID',
    ],
    [
      'a validity of 25 months',
      { hourPack: { serviceTypeId, minutes: 600, validityMonths: 25 } },
      'PLAN_HOUR_PACK_VALIDITY_INVALID',
    ],
  ])('refuses an hour pack with %s', (_what, overrides, code) => {
    spec
      .given([])
      .when(define({ ...packInput, ...overrides }, 'admin', packId))
      .thenThrows(code);
  });

  it('accepts the bounds of an hour pack: 60 and 20 000 minutes, 1 and 24 months', () => {
    for (const hourPack of [
      { serviceTypeId, minutes: 60, validityMonths: 1 },
      { serviceTypeId, minutes: 19_980, validityMonths: 24 },
    ])
      spec
        .given([])
        .when(define({ ...packInput, hourPack }, 'admin', packId))
        .thenMatches(([e]) => expect(e.type).toBe('PlanDefined'));
  });

  it.each(['retired', 'unknown'] as const)(
    'refuses an hour pack on a %s service type (422), naming it',
    (serviceType) => {
      spec
        .given([])
        .when(define({ ...packInput, serviceType }, 'admin', packId))
        .thenThrows('PLAN_SERVICE_TYPE_UNAVAILABLE', {
          serviceTypeId,
          serviceTypeStatus: serviceType,
        });
    },
  );

  it.each([
    ['revise', revise()],
    ['retire', retire()],
  ])('cannot %s a plan that does not exist', (_what, command) => {
    spec.given([]).when(command).thenThrows('PLAN_NOT_FOUND', { planId });
  });
});

describe('Plan: when active', () => {
  it('refuses to define it again (the same name lands on the same id)', () => {
    spec
      .given([defined])
      .when(define())
      .thenThrows('PLAN_EXISTS', { currentStatus: 'active', planId, name: 'Crédits Essentiel' });
  });

  it('revises it into version 2 with the full new terms', () => {
    spec
      .given([defined])
      .when(revise({ priceTtcCents: 3_200 }))
      .then([
        {
          type: 'PlanRevised',
          data: {
            planId,
            version: 2,
            name: 'Crédits Essentiel',
            description: 'Des crédits chaque mois pour répondre aux demandes.',
            terms: { ...creditsTerms, priceTtcCents: 3_200 },
            revisedBy: adminId,
            revisedAt: now,
          },
        },
      ]);
  });

  it('numbers each revision after the last one', () => {
    spec
      .given([defined, revised])
      .when(
        revise({ period: 'quarter', credits: { consultation: 30, offer: 15, direct_contact: 6 } }),
      )
      .thenMatches(([e]) =>
        expect(e.data).toMatchObject({
          version: 3,
          terms: { period: 'quarter', credits: { consultation: 30, offer: 15, direct_contact: 6 } },
        }),
      );
  });

  it('records nothing when the terms are the same (a retried PUT)', () => {
    spec
      .given([defined])
      .when(revise({ name: ' Crédits Essentiel ' }))
      .then([]);
    spec
      .given([defined, revised])
      .when(revise({ priceTtcCents: 3_200 }))
      .then([]);
  });

  it('refuses to change the kind (422), naming the kind it keeps', () => {
    spec
      .given([defined])
      .when(revise({ ...proInput }))
      .thenThrows('PLAN_KIND_IMMUTABLE', { kind: 'credits', requestedKind: 'pro' });
  });

  it('validates a revision like a definition', () => {
    spec
      .given([defined])
      .when(revise({ credits: {} }))
      .thenThrows('PLAN_CREDITS_REQUIRED');
    spec
      .given([defined])
      .when(revise({ priceTtcCents: 0 }))
      .thenThrows('PLAN_PRICE_OUT_OF_RANGE');
  });

  it('refuses a rename onto the name of another plan', () => {
    spec
      .given([defined])
      .when(revise({ name: 'Pro', nameTakenBy: 'pro' }))
      .thenThrows('PLAN_NAME_TAKEN', { currentStatus: 'active', takenBy: 'pro' });
  });

  it('checks the service type again when an hour pack is revised', () => {
    spec
      .given([packDefined])
      .when(
        revise({ ...packInput, priceTtcCents: 20_000, serviceType: 'retired' }, 'admin', packId),
      )
      .thenThrows('PLAN_SERVICE_TYPE_UNAVAILABLE');
    spec
      .given([packDefined])
      .when(revise({ ...packInput, priceTtcCents: 20_000 }, 'admin', packId))
      .thenMatches(([e]) =>
        expect(e.data).toMatchObject({ version: 2, terms: { priceTtcCents: 20_000 } }),
      );
  });

  it('retires it', () => {
    spec
      .given([defined, revised])
      .when(retire())
      .then([{ type: 'PlanRetired', data: { planId, retiredBy: adminId, retiredAt: now } }]);
  });

  it.each(['provider', 'client', 'finance'] as const)(
    'refuses a %s to revise or retire it',
    (role) => {
      spec
        .given([defined])
        .when(revise({ priceTtcCents: 3_000 }, role))
        .thenThrows('PLAN_STAFF_ONLY');
      spec.given([defined]).when(retire(role)).thenThrows('PLAN_STAFF_ONLY');
    },
  );
});

describe('Plan: when retired', () => {
  it.each([
    ['revise', revise({ priceTtcCents: 1_000 })],
    ['retire', retire()],
  ])('refuses to %s it (409), naming the status', (_what, command) => {
    spec
      .given([defined, retired])
      .when(command)
      .thenThrows('PLAN_RETIRED', { currentStatus: 'retired', planId });
  });

  it('refuses to define it again', () => {
    spec
      .given([defined, retired])
      .when(define())
      .thenThrows('PLAN_EXISTS', { currentStatus: 'retired' });
  });
});
