import { ensureDatabase, migrate } from '../../infrastructure/database/data-source';
import { CliCommand } from './cli-command';

export const migrateCommand: CliCommand = {
  name: ['migrate'],
  usage: 'migrate',
  description: 'Create the database if needed and apply pending migrations',
  async run(_args, _flags, config) {
    await ensureDatabase(config.DATABASE_URL);
    await migrate(config.DATABASE_URL);
    process.stdout.write('Migrations applied.\n');
    return 0;
  },
};
