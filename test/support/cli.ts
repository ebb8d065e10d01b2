import { execFile } from 'node:child_process';
import { join } from 'node:path';
import type { TestApp } from './test-app';

const ROOT = join(__dirname, '../..');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The real CLI in its own process, as `npm run cli` starts it, against the test app's database and Redis prefix. */
export async function runCli(
  t: TestApp,
  argv: string[],
  env: Record<string, string> = {},
  input = '',
): Promise<CliRun> {
  const child = execFile(
    process.execPath,
    [
      require.resolve('ts-node/dist/bin.js'),
      '--transpile-only',
      'src/interfaces/cli/main.ts',
      ...argv,
    ],
    {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'test',
        LOG_LEVEL: 'silent',
        DATABASE_URL: t.db.url,
        REDIS_URL: t.config.REDIS_URL,
        REDIS_PREFIX: t.config.REDIS_PREFIX,
        ...env,
      },
    },
  );
  child.stdin?.end(input);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (c) => (stdout += String(c)));
  child.stderr?.on('data', (c) => (stderr += String(c)));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  return { code, stdout, stderr };
}
