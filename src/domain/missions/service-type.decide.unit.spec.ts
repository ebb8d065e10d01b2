import { serviceTypeSlug } from './service-type.guards';
import { serviceTypeDecider } from './offers';
import type { ServiceTypeEvent } from './service-type.events';
import {
  adminId,
  create,
  created,
  input,
  now,
  retire,
  retired,
  serviceTypeId,
  spec,
  update,
  updated,
} from './service-type.fixtures.spec';

describe('ServiceType: when none', () => {
  it('creates an active type with the trimmed label, recording who did it', () => {
    spec
      .given([])
      .when(create({ label: '  Ménage   à  domicile ', description: ' Sols. ', category: 'home' }))
      .then([
        {
          type: 'ServiceTypeCreated',
          data: {
            serviceTypeId,
            label: 'Ménage à domicile',
            description: 'Sols.',
            category: 'home',
            createdBy: adminId,
            createdAt: now,
          },
        },
      ]);
  });

  it('lets the operator seed command (system) create one', () => {
    spec
      .given([])
      .when(create({}, 'system'))
      .thenMatches(([e]) => expect(e.type).toBe('ServiceTypeCreated'));
  });

  it.each(['provider', 'client', 'mediator', 'finance'] as const)('refuses a %s', (role) => {
    spec.given([]).when(create({}, role)).thenThrows('SERVICE_TYPE_STAFF_ONLY');
  });

  it.each([
    ['an empty label', { label: '   ' }, 'SERVICE_TYPE_LABEL_REQUIRED'],
    ['a label of 61 characters', { label: 'x'.repeat(61) }, 'SERVICE_TYPE_LABEL_TOO_LONG'],
    [
      'a label without letters or digits',
      { label: '!!! ???' },
      'SERVICE_TYPE_LABEL_WITHOUT_LETTERS',
    ],
    [
      'a description over 1 000 characters',
      { description: 'd'.repeat(1_001) },
      'SERVICE_TYPE_DESCRIPTION_TOO_LONG',
    ],
    ['a category with capitals', { category: 'Home' }, 'SERVICE_TYPE_INVALID_CATEGORY'],
    ['a category with spaces', { category: 'home care' }, 'SERVICE_TYPE_INVALID_CATEGORY'],
    ['an empty category', { category: '' }, 'SERVICE_TYPE_INVALID_CATEGORY'],
  ])('refuses %s', (_what, overrides, code) => {
    spec.given([]).when(create(overrides)).thenThrows(code);
  });

  it('refuses a label another type already shows (a renamed one), naming it', () => {
    spec
      .given([])
      .when(create({ labelTakenBy: 'st-other' }))
      .thenThrows('SERVICE_TYPE_EXISTS', { serviceTypeId: 'st-other', label: 'Ménage' });
  });

  it.each([
    ['update', update()],
    ['retire', retire()],
  ])('cannot %s a type that does not exist', (_what, command) => {
    spec.given([]).when(command).thenThrows('SERVICE_TYPE_NOT_FOUND', { serviceTypeId });
  });
});

describe('ServiceType: when active', () => {
  it('refuses to create it again (the same label lands on the same id)', () => {
    spec.given([created]).when(create()).thenThrows('SERVICE_TYPE_EXISTS', {
      currentStatus: 'active',
      serviceTypeId,
      label: 'Ménage',
    });
  });

  it('replaces label, description and category', () => {
    spec
      .given([created])
      .when(update({ label: 'Ménage et vitres', description: 'Entretien et vitres.' }))
      .then([
        {
          type: 'ServiceTypeUpdated',
          data: {
            serviceTypeId,
            label: 'Ménage et vitres',
            description: 'Entretien et vitres.',
            category: 'home',
            updatedBy: adminId,
            updatedAt: now,
          },
        },
      ]);
  });

  it('records nothing when the values are the same (a retried PUT)', () => {
    spec
      .given([created])
      .when(update({ label: ' Ménage ' }))
      .then([]);
  });

  it('refuses a rename onto the label of another type', () => {
    spec
      .given([created])
      .when(update({ label: 'Repassage', labelTakenBy: 'st-repassage' }))
      .thenThrows('SERVICE_TYPE_LABEL_TAKEN', { currentStatus: 'active', takenBy: 'st-repassage' });
  });

  it('validates a replacement like a creation', () => {
    spec
      .given([created])
      .when(update({ label: '' }))
      .thenThrows('SERVICE_TYPE_LABEL_REQUIRED');
  });

  it('retires it', () => {
    spec
      .given([created, updated])
      .when(retire())
      .then([
        { type: 'ServiceTypeRetired', data: { serviceTypeId, retiredBy: adminId, retiredAt: now } },
      ]);
  });

  it.each(['provider', 'client'] as const)('refuses a %s to update or retire it', (role) => {
    spec.given([created]).when(update({}, role)).thenThrows('SERVICE_TYPE_STAFF_ONLY');
    spec.given([created]).when(retire(role)).thenThrows('SERVICE_TYPE_STAFF_ONLY');
  });
});

describe('ServiceType: when retired', () => {
  it.each([
    ['update', update({ label: 'Autre chose' })],
    ['retire', retire()],
  ])('refuses to %s it, naming the status', (_what, command) => {
    spec
      .given([created, retired])
      .when(command)
      .thenThrows('SERVICE_TYPE_RETIRED', { currentStatus: 'retired' });
  });

  it('refuses to create it again', () => {
    spec
      .given([created, retired])
      .when(create())
      .thenThrows('SERVICE_TYPE_EXISTS', { currentStatus: 'retired' });
  });
});

describe('ServiceType: evolve', () => {
  const fold = (events: unknown[]) =>
    (events as ServiceTypeEvent[]).reduce(
      serviceTypeDecider.evolve,
      serviceTypeDecider.initialState(),
    );

  it('keeps the last label, and a retired type stays retired', () => {
    expect(fold([created, updated, retired])).toEqual({
      status: 'retired',
      serviceTypeId,
      details: { label: 'Ménage et vitres', description: 'Entretien et vitres.', category: 'home' },
    });
  });

  it('never throws: out-of-order, repeated and unknown events leave the state as it is', () => {
    expect(fold([updated, retired])).toEqual({ status: 'none' });
    expect(fold([created, created])).toEqual(fold([created]));
    expect(fold([created, { type: 'ServiceTypeRenamedV9', data: {} }])).toEqual(fold([created]));
  });
});

describe('serviceTypeSlug', () => {
  it.each([
    ['Ménage', 'menage'],
    ['  MÉNAGE ', 'menage'],
    ["Garde d'enfants", 'garde-d-enfants'],
    ['Aide aux personnes âgées', 'aide-aux-personnes-agees'],
    ['Électricité', 'electricite'],
    ['!!!', ''],
  ])('%s -> %s', (label, slug) => {
    expect(serviceTypeSlug(label)).toBe(slug);
  });

  it('is the key the default catalogue relies on: "Ménage" and "menage" are one type', () => {
    expect(serviceTypeSlug(input.label)).toBe(serviceTypeSlug('menage'));
  });
});
