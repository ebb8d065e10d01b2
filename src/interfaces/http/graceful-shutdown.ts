import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ProblemException } from './problem/problem-details.filter';
import { replyWithProblem } from './problem/reply-problem';

/** Requests still running this long after the close began are cut off. */
const DRAIN_LIMIT_MS = 10_000;

/**
 * Nest closes the HTTP server only after every module's shutdown hooks have run, so a slow hook
 * (a projection waiting out a failure) left a half-stopped app serving requests. This closes the
 * server before any hook runs, on `app.close()` and on SIGTERM alike: new connections are
 * refused, requests arriving on open ones answer 503, requests in flight finish (within
 * `DRAIN_LIMIT_MS`) and their connections close after the answer.
 */
export function closeHttpFirst(app: NestFastifyApplication): void {
  const fastify = app.getHttpAdapter().getInstance();
  let draining = false;
  fastify.addHook('onRequest', (request, reply, done) => {
    if (!draining) return done();
    void reply.header('connection', 'close').header('retry-after', '1');
    void replyWithProblem(request, reply, new ProblemException(503, 'SHUTTING_DOWN', 'This process is stopping; retry on another'));
  });
  fastify.addHook('onSend', (_request, reply, payload, done) => {
    // A kept-alive connection would otherwise hold the closing server open until its timeout.
    if (draining) void reply.header('connection', 'close');
    done(null, payload);
  });
  // `callDestroyHook` is the first step of both `close()` and Nest's signal handler.
  const lifecycle = app as unknown as { callDestroyHook(): Promise<void> };
  const destroyModules = lifecycle.callDestroyHook.bind(app);
  lifecycle.callDestroyHook = async () => {
    draining = true;
    const cutOff = setTimeout(() => fastify.server.closeAllConnections(), DRAIN_LIMIT_MS).unref();
    try {
      await app.getHttpAdapter().close();
    } finally {
      clearTimeout(cutOff);
    }
    await destroyModules();
  };
}
