import type { SolidarityTypeEvent } from './solidarity-type.events';
import { solidarityTypeDecider } from './solidarity-type.decider';
import {
  adminId,
  define,
  defined,
  now,
  retire,
  retired,
  revise,
  revised,
  solidarityTypeId,
  spec,
} from './solidarity-type.fixtures.spec';
import { solidarityTypeSlug } from './solidarity-type.guards';

describe('SolidarityType: when none', () => {
  it('is defined by an admin, trimmed, under the slug of its label', () => {
    spec
      .given([])
      .when(define({ label: '  Aide   alimentaire ', description: ' Colis. ' }))
      .then([
        {
          type: 'SolidarityTypeDefined',
          data: {
            solidarityTypeId,
            label: 'Aide alimentaire',
            description: 'Colis.',
            definedBy: adminId,
            definedAt: now,
          },
        },
      ]);
  });

  it('lets the operator seed command (system) define one', () => {
    spec
      .given([])
      .when(define({}, 'system'))
      .thenMatches(([e]) => expect(e.type).toBe('SolidarityTypeDefined'));
  });

  it.each(['association', 'volunteer', 'client', 'provider', 'mediator', 'finance'] as const)(
    'refuses a %s',
    (role) => {
      spec.given([]).when(define({}, role)).thenThrows('SOLIDARITY_TYPE_STAFF_ONLY');
    },
  );

  it.each([
    ['an empty label', { label: '  ' }, 'SOLIDARITY_TYPE_LABEL_REQUIRED'],
    ['a label of 81 characters', { label: 'x'.repeat(81) }, 'SOLIDARITY_TYPE_LABEL_TOO_LONG'],
    ['a label without letters', { label: '!!!' }, 'SOLIDARITY_TYPE_LABEL_WITHOUT_LETTERS'],
    [
      'a description over 1 000 characters',
      { description: 'd'.repeat(1_001) },
      'SOLIDARITY_TYPE_DESCRIPTION_TOO_LONG',
    ],
    [
      'an id that is not the label’s slug',
      { solidarityTypeId: 'food' },
      'SOLIDARITY_TYPE_ID_NOT_SLUG',
    ],
  ])('refuses %s', (_what, overrides, code) => {
    spec.given([]).when(define(overrides)).thenThrows(code);
  });

  it.each([
    ['revise', revise()],
    ['retire', retire()],
  ])('cannot %s a type that does not exist', (_what, command) => {
    spec.given([]).when(command).thenThrows('SOLIDARITY_TYPE_NOT_FOUND', { solidarityTypeId });
  });
});

describe('SolidarityType: when active', () => {
  it('refuses to define it again (the same label lands on the same id)', () => {
    spec
      .given([defined])
      .when(define())
      .thenThrows('SOLIDARITY_TYPE_EXISTS', { currentStatus: 'active', solidarityTypeId });
  });

  it('is revised: new label and description, same id', () => {
    spec
      .given([defined])
      .when(revise({ label: 'Aide alimentaire et colis', description: 'Distributions.' }))
      .then([{ ...revised, data: { ...revised.data, revisedAt: now } } as SolidarityTypeEvent]);
  });

  it('records nothing when revised with the same values (a retried PUT)', () => {
    spec
      .given([defined])
      .when(revise({ label: ' Aide alimentaire ' }))
      .then([]);
  });

  it('is retired', () => {
    spec
      .given([defined, revised])
      .when(retire())
      .then([
        {
          type: 'SolidarityTypeRetired',
          data: { solidarityTypeId, retiredBy: adminId, retiredAt: now },
        },
      ]);
  });

  it('refuses a volunteer to revise or retire it', () => {
    spec.given([defined]).when(revise({}, 'volunteer')).thenThrows('SOLIDARITY_TYPE_STAFF_ONLY');
    spec.given([defined]).when(retire('association')).thenThrows('SOLIDARITY_TYPE_STAFF_ONLY');
  });
});

describe('SolidarityType: when retired', () => {
  it.each([
    ['revise', revise({ label: 'Autre' })],
    ['retire', retire()],
  ])('refuses to %s it', (_what, command) => {
    spec
      .given([defined, retired])
      .when(command)
      .thenThrows('SOLIDARITY_TYPE_RETIRED', { currentStatus: 'retired' });
  });
});

describe('SolidarityType: evolve', () => {
  const fold = (events: unknown[]) =>
    (events as SolidarityTypeEvent[]).reduce(
      solidarityTypeDecider.evolve,
      solidarityTypeDecider.initialState(),
    );

  it('keeps the last label; never throws on out-of-order, repeated or unknown events', () => {
    expect(fold([defined, revised, retired])).toEqual({
      status: 'retired',
      solidarityTypeId,
      details: { label: 'Aide alimentaire et colis', description: 'Distributions.' },
    });
    expect(fold([revised, retired])).toEqual({ status: 'none' });
    expect(fold([defined, defined])).toEqual(fold([defined]));
    expect(fold([defined, { type: 'SolidarityTypeMergedV9', data: {} }])).toEqual(fold([defined]));
  });
});

describe('solidarityTypeSlug: the id of the default types', () => {
  it.each([
    ['Aide alimentaire', 'aide-alimentaire'],
    ['Aide aux personnes âgées', 'aide-aux-personnes-agees'],
    ['Soutien aux bénéficiaires du RSA', 'soutien-aux-beneficiaires-du-rsa'],
    [
      'Soutien aux personnes en situation de handicap',
      'soutien-aux-personnes-en-situation-de-handicap',
    ],
  ])('%s -> %s', (label, slug) => expect(solidarityTypeSlug(label)).toBe(slug));
});
