// Given/when builders for the solidarity-type specs; the `.spec.ts` suffix keeps them out of the build.
import { DeciderSpecification } from '../../../test/support/decider-spec';
import type { ActorRole } from '../shared';
import type { SolidarityTypeCommand, SolidarityTypeInput } from './solidarity-type.commands';
import { solidarityTypeDecider } from './solidarity-type.decider';
import type { SolidarityTypeEvent } from './solidarity-type.events';

export const now = '2026-03-10T09:00:00.000Z';
export const solidarityTypeId = 'aide-alimentaire';
export const adminId = 'admin-1';
export const spec = DeciderSpecification.for(solidarityTypeDecider);
const meta = (actorRole: ActorRole = 'admin') => ({ now, actorId: adminId, actorRole });

export const input: SolidarityTypeInput = {
  label: 'Aide alimentaire',
  description: 'Collectes, distributions de colis, épiceries solidaires.',
};

export const defined: SolidarityTypeEvent = {
  type: 'SolidarityTypeDefined',
  data: { solidarityTypeId, ...input, definedBy: adminId, definedAt: '2026-03-01T00:00:00.000Z' },
};
export const revised: SolidarityTypeEvent = {
  type: 'SolidarityTypeRevised',
  data: {
    solidarityTypeId,
    label: 'Aide alimentaire et colis',
    description: 'Distributions.',
    revisedBy: adminId,
    revisedAt: '2026-03-02T00:00:00.000Z',
  },
};
export const retired: SolidarityTypeEvent = {
  type: 'SolidarityTypeRetired',
  data: { solidarityTypeId, retiredBy: adminId, retiredAt: '2026-03-03T00:00:00.000Z' },
};

export const define = (
  overrides: Partial<SolidarityTypeInput & { solidarityTypeId: string }> = {},
  role: ActorRole = 'admin',
): SolidarityTypeCommand => ({
  type: 'DefineSolidarityType',
  data: { solidarityTypeId, ...input, ...overrides },
  meta: meta(role),
});
export const revise = (
  overrides: Partial<SolidarityTypeInput> = {},
  role: ActorRole = 'admin',
): SolidarityTypeCommand => ({
  type: 'ReviseSolidarityType',
  data: { solidarityTypeId, ...input, ...overrides },
  meta: meta(role),
});
export const retire = (role: ActorRole = 'admin'): SolidarityTypeCommand => ({
  type: 'RetireSolidarityType',
  data: { solidarityTypeId },
  meta: meta(role),
});
