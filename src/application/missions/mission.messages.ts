import type { MissionCommand, MissionState } from '../../domain/missions';
import { missionStreamName } from '../../domain/missions/mission.events';
import { AggregateCommandMessage } from '../shared/aggregate-command';

/**
 * Published contract: send a MissionCommand to the `mission-<id>` stream through the CommandBus.
 * The command may be a builder run on the current state at each retry (the HTTP layer checks the
 * caller is a party there, and derives deadlines from the terms it finds).
 */
export class MissionCommandMessage extends AggregateCommandMessage<MissionCommand, MissionState> {}

export const missionStream = missionStreamName;
