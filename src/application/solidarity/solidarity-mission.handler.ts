import { CommandHandler } from '@nestjs/cqrs';
import { solidarityMissionDecider } from '../../domain/solidarity';
import { aggregateCommandHandler } from '../shared/aggregate-command';
import {
  SolidarityMissionCommandMessage,
  solidarityMissionStream,
} from './solidarity-mission.messages';

/**
 * Every SolidarityMissionCommandMessage: load, decide, append with the expected revision, retry
 * on a conflict. Ten volunteers racing for three places: each conflict is decided again on the
 * fresh stream, so exactly three sign-ups are appended and the others get SOLIDARITY_MISSION_FULL.
 */
@CommandHandler(SolidarityMissionCommandMessage)
export class SolidarityMissionCommandHandler extends aggregateCommandHandler(
  solidarityMissionDecider,
  solidarityMissionStream,
) {}
