// Given/when builders for the plan specs; the `.spec.ts` suffix keeps them out of the build.
import { DeciderSpecification } from '../../../test/support/decider-spec';
import type { ActorRole } from '../shared';
import { planDecider } from './index';
import type { PlanCommand, PlanInput } from './plan.commands';
import type { PlanEvent, PlanTerms } from './plan.events';

export const now = '2026-03-10T09:00:00.000Z';
export const adminId = 'admin-1';
export const planId = 'credits-essentiel';
export const packId = 'pack-menage-10-h';
export const serviceTypeId = '0b7a1c2d-3e4f-5a6b-8c7d-9e0f1a2b3c4d';
export const meta = (actorRole: ActorRole = 'admin', actorId = adminId) => ({
  now,
  actorId,
  actorRole,
});
export const spec = DeciderSpecification.for(planDecider);

export const creditsInput: PlanInput = {
  kind: 'credits',
  name: 'Crédits Essentiel',
  description: 'Des crédits chaque mois pour répondre aux demandes.',
  priceTtcCents: 2_900,
  period: 'month',
  benefits: ['10 consultations de projets', '5 offres'],
  credits: { consultation: 10, offer: 5, direct_contact: 2 },
  hourPack: null,
};

export const proInput: PlanInput = {
  kind: 'pro',
  name: 'Pro',
  description: 'Plus de visibilité.',
  priceTtcCents: 1_990,
  period: 'month',
  benefits: ['Profil mis en avant dans les résultats'],
  credits: {},
  hourPack: null,
};

export const packInput: PlanInput = {
  kind: 'hour_pack',
  name: 'Pack Ménage 10 h',
  description: '10 heures de ménage à tarif réduit.',
  priceTtcCents: 22_000,
  period: null,
  benefits: ['Soit 22 € de l’heure'],
  credits: {},
  hourPack: { serviceTypeId, minutes: 600, validityMonths: 12 },
  serviceType: 'active',
};

export const creditsTerms: PlanTerms = {
  priceTtcCents: 2_900,
  period: 'month',
  benefits: ['10 consultations de projets', '5 offres'],
  credits: { consultation: 10, offer: 5, direct_contact: 2 },
  hourPack: null,
};

export const defined: PlanEvent = {
  type: 'PlanDefined',
  data: {
    planId,
    kind: 'credits',
    name: 'Crédits Essentiel',
    description: 'Des crédits chaque mois pour répondre aux demandes.',
    version: 1,
    terms: creditsTerms,
    definedBy: adminId,
    definedAt: '2026-03-01T00:00:00.000Z',
  },
};
export const revised: PlanEvent = {
  type: 'PlanRevised',
  data: {
    planId,
    version: 2,
    name: 'Crédits Essentiel',
    description: 'Des crédits chaque mois pour répondre aux demandes.',
    terms: { ...creditsTerms, priceTtcCents: 3_200 },
    revisedBy: adminId,
    revisedAt: '2026-03-02T00:00:00.000Z',
  },
};
export const retired: PlanEvent = {
  type: 'PlanRetired',
  data: { planId, retiredBy: adminId, retiredAt: '2026-03-03T00:00:00.000Z' },
};

export const define = (
  overrides: Partial<PlanInput> = {},
  role: ActorRole = 'admin',
  id = planId,
): PlanCommand => ({
  type: 'DefinePlan',
  data: { planId: id, ...creditsInput, ...overrides },
  meta: meta(role),
});
export const revise = (
  overrides: Partial<PlanInput> & { nameTakenBy?: string | null } = {},
  role: ActorRole = 'admin',
  id = planId,
): PlanCommand => ({
  type: 'RevisePlan',
  data: { planId: id, ...creditsInput, ...overrides },
  meta: meta(role),
});
export const retire = (role: ActorRole = 'admin', id = planId): PlanCommand => ({
  type: 'RetirePlan',
  data: { planId: id },
  meta: meta(role),
});

export const packDefined: PlanEvent = {
  type: 'PlanDefined',
  data: {
    planId: packId,
    kind: 'hour_pack',
    name: 'Pack Ménage 10 h',
    description: '10 heures de ménage à tarif réduit.',
    version: 1,
    terms: {
      priceTtcCents: 22_000,
      period: null,
      benefits: ['Soit 22 € de l’heure'],
      credits: { consultation: 0, offer: 0, direct_contact: 0 },
      hourPack: { serviceTypeId, minutes: 600, validityMonths: 12 },
    },
    definedBy: adminId,
    definedAt: '2026-03-01T00:00:00.000Z',
  },
};
