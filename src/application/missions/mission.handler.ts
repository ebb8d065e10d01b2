import { CommandHandler } from '@nestjs/cqrs';
import { missionDecider } from '../../domain/missions';
import { aggregateCommandHandler } from '../shared/aggregate-command';
import { MissionCommandMessage, missionStream } from './mission.messages';

/** Executes every MissionCommandMessage, whoever sends it (HTTP, the money process, jobs, disputes). */
@CommandHandler(MissionCommandMessage)
export class MissionCommandHandler extends aggregateCommandHandler(missionDecider, missionStream) {}
