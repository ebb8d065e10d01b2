import type { Decider } from '../shared';
import type { SolidarityTypeCommand } from './solidarity-type.commands';
import { decide } from './solidarity-type.decide';
import type { SolidarityTypeEvent } from './solidarity-type.events';
import { evolve, initialState, type SolidarityTypeState } from './solidarity-type.state';

/** The staff-managed list of solidarity types, one stream per type. */
export const solidarityTypeDecider: Decider<
  SolidarityTypeCommand,
  SolidarityTypeState,
  SolidarityTypeEvent
> = { decide, evolve, initialState };
