import { NestFactory } from '@nestjs/core';
import { AppModule } from '../../app.module';
import { parseCaseMoment } from '../../application/disputes/case/case-at';
import { CaseHistory, CaseViewer } from '../../application/disputes/case/case-history';
import { DomainError } from '../../domain/shared';
import { CliCommand } from './cli-command';
import { formatCaseReplay } from './case-replay.format';

const USAGE =
  'case replay <orderId | missionId | disputeId> [--at <ISO time | commit:prepare>] [--json] [--as <accountId>]';

/**
 * Prints a case's timeline for mediation staff, from the same query as GET /cases/{caseId}/history
 * (an order, a mission, or the subject of a dispute).
 * It boots the application without its API, projectors or workers so the log is read exactly as the
 * API reads it (same event store, same decryption of personal data).
 */
export const caseReplayCommand: CliCommand = {
  name: ['case', 'replay'],
  usage: USAGE,
  description:
    'Replay the case history of an order or a mission (its events, conversation, escrow, disputes), or of the subject of a dispute id, optionally as of a moment',
  async run(args, flags, config) {
    const [caseId] = args;
    if (!caseId || args.length > 1 || flags.at === true || flags.as === true) {
      process.stderr.write(`Usage: npm run cli -- ${USAGE}\n`);
      return 2;
    }
    const app = await NestFactory.createApplicationContext(
      AppModule.forRoot({
        ...config,
        PROCESS_ROLES: ['api'],
        PG_POOL_SIZE: 2,
        SWAGGER_ENABLED: false,
      }),
      { logger: ['error'] },
    );
    try {
      // An operator sees the whole case, internal notes included, unless asked to see it as one account.
      const viewer: CaseViewer =
        typeof flags.as === 'string'
          ? { accountId: flags.as, roles: [] }
          : { accountId: 'cli:operator', roles: ['admin'] };
      const moment = typeof flags.at === 'string' ? parseCaseMoment(flags.at) : undefined;
      const result = await app.get(CaseHistory).load(caseId, viewer, moment);
      const text = flags.json
        ? JSON.stringify(result, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v), 2)
        : formatCaseReplay(result);
      process.stdout.write(`${text}\n`);
      return 0;
    } catch (error) {
      if (error instanceof DomainError) {
        process.stderr.write(`${error.code}: ${error.message}\n`);
        return 1;
      }
      throw error;
    } finally {
      await app.close();
    }
  },
};
