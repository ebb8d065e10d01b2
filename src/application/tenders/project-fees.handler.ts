import { CommandHandler } from '@nestjs/cqrs';
import { projectFeesDecider, projectFeesStream } from '../../domain/tenders';
import { aggregateCommandHandler } from '../shared/aggregate-command';
import { ProjectFeesCommandMessage } from './project-fees.messages';

/** Executes every ProjectFeesCommandMessage (the fees reactor, the payer's "pay again"). */
@CommandHandler(ProjectFeesCommandMessage)
export class ProjectFeesCommandHandler extends aggregateCommandHandler(
  projectFeesDecider,
  projectFeesStream,
) {}
