import { adminCreateCommand } from './admin.command';
import { CliCommand } from './cli-command';
import { caseReplayCommand } from './case-replay.command';
import { demoSeedCommand } from './demo-seed.command';
import { migrateCommand } from './migrate.command';
import { plansSeedCommand } from './plans.command';
import { serviceTypesSeedCommand } from './service-types.command';
import { solidarityTypesSeedCommand } from './solidarity-types.command';
import { projectionsRebuildCommand, projectionsRetryCommand, projectionsStatusCommand } from './projections.command';

/** Every operator command; each lives in its own file. */
export const CLI_COMMANDS: CliCommand[] = [
  migrateCommand,
  adminCreateCommand(),
  caseReplayCommand,
  projectionsRebuildCommand,
  projectionsStatusCommand,
  projectionsRetryCommand,
  demoSeedCommand,
  serviceTypesSeedCommand,
  solidarityTypesSeedCommand,
  plansSeedCommand,
];
