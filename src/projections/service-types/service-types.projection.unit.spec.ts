import type { ServiceTypeEvent } from '../../domain/missions/offers';
import { evolveServiceTypeRow } from './service-types.projection';

const at = '2026-03-01T00:00:00.000Z';
const created: ServiceTypeEvent = {
  type: 'ServiceTypeCreated',
  data: {
    serviceTypeId: 'st-1',
    label: "Garde d'enfants",
    description: 'Sortie d’école.',
    category: 'care',
    createdBy: 'admin-1',
    createdAt: at,
  },
};
const renamed: ServiceTypeEvent = {
  type: 'ServiceTypeUpdated',
  data: {
    serviceTypeId: 'st-1',
    label: 'Garde d’enfants à domicile',
    description: 'Garde et devoirs.',
    category: 'care',
    updatedBy: 'admin-1',
    updatedAt: at,
  },
};
const retired: ServiceTypeEvent = {
  type: 'ServiceTypeRetired',
  data: { serviceTypeId: 'st-1', retiredBy: 'admin-1', retiredAt: '2026-03-05T00:00:00.000Z' },
};

describe('service-types read model rows', () => {
  it('keeps the current label and its slug, then the retirement', () => {
    let row = evolveServiceTypeRow(undefined, created, 0, at);
    expect(row).toMatchObject({ slug: 'garde-d-enfants', status: 'active', retired_at: null });
    row = evolveServiceTypeRow(row, renamed, 1, at);
    expect(row).toMatchObject({
      label: 'Garde d’enfants à domicile',
      slug: 'garde-d-enfants-a-domicile',
      rev: 1,
    });
    row = evolveServiceTypeRow(row, retired, 2, at);
    expect(row).toMatchObject({
      status: 'retired',
      retired_at: '2026-03-05T00:00:00.000Z',
      rev: 2,
    });
  });

  it('ignores a change to a type it never saw created, and a repeated creation keeps the row', () => {
    expect(evolveServiceTypeRow(undefined, renamed, 1, at)).toBeUndefined();
    expect(evolveServiceTypeRow(undefined, retired, 2, at)).toBeUndefined();
    const row = evolveServiceTypeRow(
      evolveServiceTypeRow(undefined, created, 0, at),
      renamed,
      1,
      at,
    );
    expect(evolveServiceTypeRow(row, created, 3, at)).toMatchObject({ label: row!.label, rev: 3 });
  });
});
