import type { Decider } from '../shared';
import type { SolidarityMissionCommand } from './solidarity-mission.commands';
import { decide } from './solidarity-mission.decide';
import type { SolidarityMissionEvent } from './solidarity-mission.events';
import { evolve, initialState, type SolidarityMissionState } from './solidarity-mission.state';

/** One solidarity mission: proposal, sign-ups until full, withdrawals, cancellation, attendance. */
export const solidarityMissionDecider: Decider<
  SolidarityMissionCommand,
  SolidarityMissionState,
  SolidarityMissionEvent
> = { decide, evolve, initialState };
