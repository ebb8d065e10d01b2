import type { Decider } from '../shared';
import type { HourPackCommand } from './hour-pack.commands';
import { decide } from './hour-pack.decide';
import type { HourPackEvent } from './hour-pack.events';
import { evolve, type HourPackState, initialState } from './hour-pack.state';

/** The hour pack of stream `hourpack-<packId>` (docs/plans-hour-packs.md). */
export const hourPackDecider: Decider<HourPackCommand, HourPackState, HourPackEvent> = {
  decide,
  evolve,
  initialState,
};
