import type { Command } from '../shared';
import type { ServiceTypeDetails } from './service-type.events';

/** What staff type; trimmed and checked by the decider. */
export type ServiceTypeInput = ServiceTypeDetails;

/**
 * The id is derived from the label's slug by the application, so the same label twice lands on
 * the same stream. `labelTakenBy` is another type already showing a label with the same slug
 * (read by the application: best-effort), or absent.
 */
export type CreateServiceType = Command<
  'CreateServiceType',
  ServiceTypeInput & { serviceTypeId: string; labelTakenBy?: string | null }
>;

/** Replaces the label, description and category; missions already booked keep their label. */
export type UpdateServiceType = Command<
  'UpdateServiceType',
  ServiceTypeInput & { serviceTypeId: string; labelTakenBy?: string | null }
>;

export type RetireServiceType = Command<'RetireServiceType', { serviceTypeId: string }>;

export type ServiceTypeCommand = CreateServiceType | UpdateServiceType | RetireServiceType;
