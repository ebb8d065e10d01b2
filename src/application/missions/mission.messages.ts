import type { MissionCommand } from '../../domain/missions/mission.commands';
import { missionStreamName } from '../../domain/missions/mission.events';
import { AggregateCommandMessage } from '../shared/aggregate-command';

/** Published contract: send a MissionCommand to the `mission-<id>` stream through the CommandBus. */
export class MissionCommandMessage extends AggregateCommandMessage<MissionCommand> {}

export const missionStream = missionStreamName;
