// Given/when builders for the service-type specs; the `.spec.ts` suffix keeps them out of the build.
import { DeciderSpecification } from '../../../test/support/decider-spec';
import type { ActorRole } from '../shared';
import type { ServiceTypeCommand, ServiceTypeInput } from './service-type.commands';
import type { ServiceTypeEvent } from './service-type.events';
import { serviceTypeDecider } from './offers';

export const now = '2026-03-10T09:00:00.000Z';
export const serviceTypeId = 'st-menage';
export const adminId = 'admin-1';
export const meta = (actorRole: ActorRole = 'admin', actorId = adminId) => ({
  now,
  actorId,
  actorRole,
});
export const spec = DeciderSpecification.for(serviceTypeDecider);

export const input: ServiceTypeInput = {
  label: 'Ménage',
  description: 'Entretien courant du logement.',
  category: 'home',
};

export const created: ServiceTypeEvent = {
  type: 'ServiceTypeCreated',
  data: { serviceTypeId, ...input, createdBy: adminId, createdAt: '2026-03-01T00:00:00.000Z' },
};
export const updated: ServiceTypeEvent = {
  type: 'ServiceTypeUpdated',
  data: {
    serviceTypeId,
    label: 'Ménage et vitres',
    description: 'Entretien et vitres.',
    category: 'home',
    updatedBy: adminId,
    updatedAt: '2026-03-02T00:00:00.000Z',
  },
};
export const retired: ServiceTypeEvent = {
  type: 'ServiceTypeRetired',
  data: { serviceTypeId, retiredBy: adminId, retiredAt: '2026-03-03T00:00:00.000Z' },
};

export const create = (
  overrides: Partial<ServiceTypeInput> & { labelTakenBy?: string | null } = {},
  role: ActorRole = 'admin',
): ServiceTypeCommand => ({
  type: 'CreateServiceType',
  data: { serviceTypeId, ...input, ...overrides },
  meta: meta(role),
});
export const update = (
  overrides: Partial<ServiceTypeInput> & { labelTakenBy?: string | null } = {},
  role: ActorRole = 'admin',
): ServiceTypeCommand => ({
  type: 'UpdateServiceType',
  data: { serviceTypeId, ...input, ...overrides },
  meta: meta(role),
});
export const retire = (role: ActorRole = 'admin'): ServiceTypeCommand => ({
  type: 'RetireServiceType',
  data: { serviceTypeId },
  meta: meta(role),
});
