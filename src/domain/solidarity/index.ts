export * from './partnership.events';
import type { Decider } from '../shared';
import type { PartnershipCommand } from './partnership.commands';
import { decide as decidePartnership } from './partnership.decide';
import type { PartnershipEvent } from './partnership.events';
import {
  evolve as evolvePartnership,
  initialState as initialPartnership,
  type PartnershipState,
} from './partnership.state';

export const partnershipDecider: Decider<PartnershipCommand, PartnershipState, PartnershipEvent> = {
  decide: decidePartnership,
  evolve: evolvePartnership,
  initialState: initialPartnership,
};

export type {
  AssociationStanding,
  EndPartnership,
  GrantPartnership,
  PartnershipCommand,
} from './partnership.commands';
export * from './partnership.errors';
export {
  PARTNERSHIP_STATUS_LABELS,
  type PartnershipPeriod,
  type PartnershipState,
  type PartnershipStatus,
} from './partnership.state';
