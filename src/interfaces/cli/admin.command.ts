import { NestFactory } from '@nestjs/core';
import { createInterface } from 'node:readline';
import { AppModule } from '../../app.module';
import { RegistrationService } from '../../application/identity/registration.service';
import {
  missingPasswordRequirements,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
} from '../../domain/identity';
import { DomainError } from '../../domain/shared';
import { CliCommand } from './cli-command';

const USAGE = 'admin create --email <address>';

/** Exit codes, documented in the README: 0 created, 1 already exists, 2 refused input. */
export const ADMIN_CREATE_EXIT = { created: 0, alreadyExists: 1, refused: 2 } as const;

/** Where the password comes from: never the command line, which shell history and `ps` keep. */
export interface PasswordSource {
  env: NodeJS.ProcessEnv;
  stdin: NodeJS.ReadStream;
}

/**
 * Creates the first administrator (confirmed e-mail, admin role active). The password is read
 * from ADMIN_PASSWORD, else typed at a hidden prompt, else the first line of a piped stdin.
 */
export function adminCreateCommand(
  source: PasswordSource = { env: process.env, stdin: process.stdin },
): CliCommand {
  return {
    name: ['admin', 'create'],
    usage: USAGE,
    description:
      'Create an administrator account (password from ADMIN_PASSWORD or a prompt); an existing e-mail is left unchanged (exit 1)',
    async run(args, flags, config) {
      if (flags.password !== undefined || args.length > 0) {
        process.stderr.write(
          'Refused: never give the password on the command line (shell history and the process list keep it). Set ADMIN_PASSWORD or type it at the prompt.\n',
        );
        return ADMIN_CREATE_EXIT.refused;
      }
      const unknown = Object.keys(flags).filter((f) => f !== 'email');
      if (typeof flags.email !== 'string' || unknown.length > 0) {
        process.stderr.write(`Usage: npm run cli -- ${USAGE}\n`);
        return ADMIN_CREATE_EXIT.refused;
      }
      const password = await readPassword(source);
      const weakness = describeWeakness(password);
      if (weakness || typeof password !== 'string') {
        process.stderr.write(`Refused: ${weakness}\n`);
        return ADMIN_CREATE_EXIT.refused;
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
        const result = await app.get(RegistrationService).bootstrapAdmin(flags.email, password);
        if (!result.created) {
          process.stdout.write(
            `An account with the e-mail ${flags.email} already exists (${result.accountId}); nothing changed.\n`,
          );
          return ADMIN_CREATE_EXIT.alreadyExists;
        }
        process.stdout.write(
          `Admin account created: ${flags.email} (${result.accountId}); log in with POST /auth/login.\n`,
        );
        return ADMIN_CREATE_EXIT.created;
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        if (error.code === 'EMAIL_ALREADY_REGISTERED') {
          process.stdout.write(
            `An account with the e-mail ${flags.email} already exists; nothing changed.\n`,
          );
          return ADMIN_CREATE_EXIT.alreadyExists;
        }
        process.stderr.write(`Refused: ${error.code}: ${error.message}\n`);
        return ADMIN_CREATE_EXIT.refused;
      } finally {
        await app.close();
      }
    },
  };
}

/** A sentence naming what the password misses, or null when it satisfies the account policy. */
function describeWeakness(password: string | typeof MISMATCH): string | null {
  if (password === MISMATCH) return 'the two passwords typed differ.';
  if (password.length === 0)
    return 'no password given (set ADMIN_PASSWORD or type it at the prompt).';
  if ([...password].length > PASSWORD_MAX_LENGTH)
    return `the password is longer than ${PASSWORD_MAX_LENGTH} characters.`;
  const missing = missingPasswordRequirements(password);
  if (missing.length === 0) return null;
  const words: Record<string, string> = {
    min_length: `at least ${PASSWORD_MIN_LENGTH} characters`,
    letter: 'a letter',
    digit: 'a digit',
    symbol: 'a symbol',
  };
  return `the password is too weak: it needs ${missing.map((m) => words[m]).join(', ')}.`;
}

const MISMATCH = Symbol('passwords differ');

async function readPassword({ env, stdin }: PasswordSource): Promise<string | typeof MISMATCH> {
  if (env.ADMIN_PASSWORD !== undefined) return env.ADMIN_PASSWORD;
  if (stdin.isTTY) {
    const first = await promptHidden(stdin, 'Password for the new admin: ');
    const second = await promptHidden(stdin, 'Same password again: ');
    // A mistyped confirmation creates nothing, rather than an admin nobody can log in as.
    return first === second ? first : MISMATCH;
  }
  const rl = createInterface({ input: stdin, terminal: false });
  for await (const line of rl) {
    rl.close();
    return line;
  }
  return '';
}

function promptHidden(stdin: NodeJS.ReadStream, question: string): Promise<string> {
  const rl = createInterface({ input: stdin, output: process.stderr, terminal: true });
  process.stderr.write(question);
  // Echo nothing of what is typed.
  (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = () => undefined;
  return new Promise((resolve) =>
    rl.question('', (answer) => {
      rl.close();
      process.stderr.write('\n');
      resolve(answer);
    }),
  );
}
