import {
  solidarityMissionStreamName,
  type SolidarityMissionCommand,
  type SolidarityMissionState,
} from '../../domain/solidarity';
import { AggregateCommandMessage } from '../shared/aggregate-command';

/**
 * Published contract: send a SolidarityMissionCommand (or a builder run on the current state at
 * each retry) to the `solidarity_mission-<id>` stream through the CommandBus.
 */
export class SolidarityMissionCommandMessage extends AggregateCommandMessage<
  SolidarityMissionCommand,
  SolidarityMissionState
> {}

export const solidarityMissionStream = solidarityMissionStreamName;
