import type { PlanEvent } from './plan.events';
import { planSnapshot } from './plan.events';
import { planSlug } from './plan.guards';
import { evolve, initialState } from './plan.state';
import { defined, retired, revised } from './plan.fixtures.spec';

const fold = (events: unknown[]) => (events as PlanEvent[]).reduce(evolve, initialState());

describe('Plan: evolve', () => {
  it('keeps the last version, and a retired plan stays retired with its last terms', () => {
    expect(fold([defined, revised, retired])).toMatchObject({
      status: 'retired',
      planId: 'credits-essentiel',
      kind: 'credits',
      version: 2,
      terms: { priceTtcCents: 3_200 },
    });
  });

  it('agrees with the planSnapshot fold other contexts read', () => {
    const state = fold([defined, revised, retired]);
    const snapshot = planSnapshot([defined, revised, retired]);
    expect(snapshot).toMatchObject({
      planId: 'credits-essentiel',
      version: (state as { version: number }).version,
      retired: true,
      terms: (state as { terms: unknown }).terms,
    });
  });

  it('never throws: out-of-order, repeated and unknown events leave the state as it is', () => {
    expect(fold([revised, retired])).toEqual({ status: 'none' });
    expect(fold([defined, defined])).toEqual(fold([defined]));
    expect(fold([defined, revised, revised])).toEqual(fold([defined, revised]));
    expect(fold([defined, { type: 'PlanRenamedV9', data: {} }])).toEqual(fold([defined]));
  });
});

describe('planSlug: the plan id', () => {
  it.each([
    ['Pro', 'pro'],
    ['Crédits Essentiel', 'credits-essentiel'],
    ['  CRÉDITS   intensif ', 'credits-intensif'],
    ['Pack Ménage 10 h', 'pack-menage-10-h'],
    ["Pack d'été", 'pack-d-ete'],
    ['!!!', ''],
  ])('%s -> %s', (name, slug) => {
    expect(planSlug(name)).toBe(slug);
  });
});
