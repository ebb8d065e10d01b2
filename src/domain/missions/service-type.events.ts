import type { DomainEvent, EventVersions } from '../shared';

/**
 * The catalogue of service types local missions are booked for (seed 000 "Services": ménage,
 * jardinage, bricolage, ...), managed by staff. Stream of one type: `service-type-<serviceTypeId>`.
 */
export const SERVICE_TYPE_STREAM_CATEGORY = 'service-type';
export const serviceTypeStreamName = (serviceTypeId: string): string =>
  `${SERVICE_TYPE_STREAM_CATEGORY}-${serviceTypeId}`;

export interface ServiceTypeDetails {
  /** The label users see, e.g. "Ménage". */
  label: string;
  description: string;
  /** A grouping for the front ends, e.g. "home", "garden", "care", "repairs". */
  category: string;
}

export type ServiceTypeCreated = DomainEvent<
  'ServiceTypeCreated',
  ServiceTypeDetails & { serviceTypeId: string; createdBy: string; createdAt: string }
>;

export type ServiceTypeUpdated = DomainEvent<
  'ServiceTypeUpdated',
  ServiceTypeDetails & { serviceTypeId: string; updatedBy: string; updatedAt: string }
>;

/** A retired type takes no new offers nor requests; missions already booked keep their label. */
export type ServiceTypeRetired = DomainEvent<
  'ServiceTypeRetired',
  { serviceTypeId: string; retiredBy: string; retiredAt: string }
>;

export type ServiceTypeEvent = ServiceTypeCreated | ServiceTypeUpdated | ServiceTypeRetired;

export const SERVICE_TYPE_EVENT_VERSIONS: EventVersions<ServiceTypeEvent['type']> = {
  ServiceTypeCreated: 1,
  ServiceTypeUpdated: 1,
  ServiceTypeRetired: 1,
};
