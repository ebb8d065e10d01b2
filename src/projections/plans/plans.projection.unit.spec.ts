import type { PlanEvent } from '../../domain/plans';
import { evolvePlanRow } from './plans.projection';

const at = '2026-03-01T00:00:00.000Z';
const terms = {
  priceTtcCents: 2_900,
  period: 'month' as const,
  benefits: ['10 consultations'],
  credits: { consultation: 10, offer: 5, direct_contact: 2 },
  hourPack: null,
};
const defined: PlanEvent = {
  type: 'PlanDefined',
  data: {
    planId: 'credits-essentiel',
    kind: 'credits',
    name: 'Crédits Essentiel',
    description: '',
    version: 1,
    terms,
    definedBy: 'admin-1',
    definedAt: at,
  },
};
const revised: PlanEvent = {
  type: 'PlanRevised',
  data: {
    planId: 'credits-essentiel',
    version: 2,
    name: 'Crédits Essentiel+',
    description: 'Plus.',
    terms: { ...terms, priceTtcCents: 3_200, period: 'quarter' },
    revisedBy: 'admin-1',
    revisedAt: '2026-03-04T00:00:00.000Z',
  },
};
const retired: PlanEvent = {
  type: 'PlanRetired',
  data: {
    planId: 'credits-essentiel',
    retiredBy: 'admin-1',
    retiredAt: '2026-03-05T00:00:00.000Z',
  },
};

describe('plans read model rows', () => {
  it('keeps the current version, the history of versions with their start, then the retirement', () => {
    let row = evolvePlanRow(undefined, defined, 0, at);
    expect(row).toMatchObject({ version: 1, price_ttc_cents: 2_900, status: 'active' });
    row = evolvePlanRow(row, revised, 1, at);
    expect(row).toMatchObject({
      name: 'Crédits Essentiel+',
      version: 2,
      price_ttc_cents: 3_200,
      period: 'quarter',
      versions: [
        { version: 1, priceTtcCents: 2_900, period: 'month', effectiveFrom: at },
        {
          version: 2,
          priceTtcCents: 3_200,
          period: 'quarter',
          effectiveFrom: '2026-03-04T00:00:00.000Z',
        },
      ],
    });
    row = evolvePlanRow(row, retired, 2, at);
    expect(row).toMatchObject({
      status: 'retired',
      retired_at: '2026-03-05T00:00:00.000Z',
      version: 2,
    });
  });

  it('ignores a change to a plan it never saw defined, and an old revision adds no version', () => {
    expect(evolvePlanRow(undefined, revised, 1, at)).toBeUndefined();
    expect(evolvePlanRow(undefined, retired, 2, at)).toBeUndefined();
    const row = evolvePlanRow(evolvePlanRow(undefined, defined, 0, at), revised, 1, at);
    expect(evolvePlanRow(row, revised, 3, at)?.versions).toHaveLength(2);
    expect(evolvePlanRow(row, defined, 4, at)).toMatchObject({
      name: 'Crédits Essentiel+',
      rev: 4,
    });
  });
});
