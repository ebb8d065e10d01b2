import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { adminCreateCommand } from '../../../src/interfaces/cli/admin.command';
import { parseArgs } from '../../../src/interfaces/cli/cli-command';
import { runCli } from '../../support/cli';
import { startTestApp, TestApp } from '../../support/test-app';

const PASSWORD = 'Pr3mier!admin';
/** Each CLI process compiles and boots the app: slow on a shared machine. */
const SPAWN_TIMEOUT_MS = 240_000;

/** Issue 12, point 11: `npm run cli -- admin create --email …` makes the first admin. */
describe('admin create (CLI)', () => {
  let t: TestApp;
  const address = () => `admin.${randomBytes(4).toString('hex')}@example.fr`;

  /** The real CLI in its own process, as `npm run cli` starts it, against the test database. */
  const cli = (argv: string[], env: Record<string, string> = {}, input?: string) =>
    runCli(t, argv, env, input);

  /** The command in this process, for the refusals that happen before it touches anything. */
  const inProcess = async (argv: string[], env: Record<string, string> = {}) => {
    const { words, flags } = parseArgs(argv);
    let stderr = '';
    const spy = jest.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      stderr += String(chunk);
      return true;
    });
    try {
      const stdin = Readable.from([]) as unknown as NodeJS.ReadStream;
      const code = await adminCreateCommand({ env, stdin }).run(words.slice(2), flags, t.config);
      return { code, stderr };
    } finally {
      spy.mockRestore();
    }
  };

  const login = (email: string, password: string) =>
    t.request('POST', '/auth/login', { body: { email, password } });

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.close());

  it(
    'creates an admin who logs in over HTTP and uses an admin route; a rerun says it already exists',
    async () => {
      const email = address();
      const made = await cli(['admin', 'create', '--email', email], { ADMIN_PASSWORD: PASSWORD });
      expect(made.stderr).toBe('');
      expect(made.code).toBe(0);
      expect(made.stdout).toContain(`Admin account created: ${email}`);

      const session = await login(email, PASSWORD);
      expect(session.status).toBe(200);
      expect(session.body).toMatchObject({ activeRole: 'admin' });
      const own = await t.request('GET', `/admin/accounts/${session.body.accountId}`, {
        token: session.body.accessToken,
      });
      expect(own.status).toBe(200);
      expect(own.body).toMatchObject({ email, emailConfirmed: true });
      expect(own.body.roles).toContain('admin');

      const again = await cli(['admin', 'create', '--email', email], {
        ADMIN_PASSWORD: 'Tout@utre1',
      });
      expect(again.code).toBe(1);
      expect(again.stdout).toContain(`An account with the e-mail ${email} already exists`);
      expect(again.stdout).toContain('nothing changed');
      // The first password still works and the second does not: the rerun changed nothing.
      expect((await login(email, PASSWORD)).status).toBe(200);
      expect((await login(email, 'Tout@utre1')).status).toBe(401);
    },
    SPAWN_TIMEOUT_MS,
  );

  it(
    'reads the password from a piped stdin when ADMIN_PASSWORD is unset',
    async () => {
      const email = address();
      const made = await cli(['admin', 'create', '--email', email], {}, `${PASSWORD}\n`);
      expect(made.code).toBe(0);
      expect((await login(email, PASSWORD)).body).toMatchObject({ activeRole: 'admin' });
    },
    SPAWN_TIMEOUT_MS,
  );

  it('refuses a password given as an argument, creating nothing', async () => {
    const email = address();
    for (const argv of [
      ['admin', 'create', '--email', email, '--password', PASSWORD],
      ['admin', 'create', '--email', email, `--password=${PASSWORD}`],
      ['admin', 'create', '--email', email, PASSWORD],
    ]) {
      const refused = await inProcess(argv, { ADMIN_PASSWORD: PASSWORD });
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain('never give the password on the command line');
    }
    expect((await login(email, PASSWORD)).status).toBe(401);
  });

  it('refuses a weak or missing password with a message naming what is missing', async () => {
    const email = address();
    const weak = await inProcess(['admin', 'create', '--email', email], {
      ADMIN_PASSWORD: 'admin',
    });
    expect(weak.code).toBe(2);
    expect(weak.stderr).toContain(
      'the password is too weak: it needs at least 8 characters, a digit, a symbol',
    );
    const none = await inProcess(['admin', 'create', '--email', email]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('no password given');
    expect((await login(email, 'admin')).status).toBe(401);
  });
});
