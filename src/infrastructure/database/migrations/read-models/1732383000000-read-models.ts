import { MigrationInterface, QueryRunner } from 'typeorm';
import { allProjections } from '../../../../projections/all-projections';
import {
  CORE_TABLES_DDL,
  installProjection,
  uninstallProjection,
} from '../../../../projections/runner/generations';

/**
 * The projection runner's bookkeeping and generation 1 of every read model, with the public
 * views readers query. Later versions are built by the runner's rebuild, never by synchronisation.
 */
export class ReadModels1732383000000 implements MigrationInterface {
  name = 'ReadModels1732383000000';

  async up(q: QueryRunner): Promise<void> {
    for (const statement of CORE_TABLES_DDL) await q.query(statement);
    for (const projection of allProjections()) await installProjection(q, projection);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const projection of allProjections()) await uninstallProjection(q, projection);
    await q.query('DROP TABLE projection_generations');
    await q.query('DROP TABLE projection_checkpoints');
  }
}
