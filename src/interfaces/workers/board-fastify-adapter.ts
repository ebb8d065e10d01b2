import type {
  AppControllerRoute,
  AppViewRoute,
  BullBoardQueues,
  ControllerHandlerReturnType,
  IServerAdapter,
  UIConfig,
} from '@bull-board/api/typings/app';
import type { FastifyInstance } from 'fastify';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { replyWithProblem } from '../http/problem/reply-problem';

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

const escapeHtml = (value: string) =>
  value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );

/**
 * bull-board's server adapter for Fastify, without @fastify/static and @fastify/view (ESM-only
 * dependencies that the test runner cannot load): static files are read from the UI package,
 * and its one view only substitutes plain values.
 */
export class BoardFastifyAdapter implements IServerAdapter {
  private basePath = '';
  private queues: BullBoardQueues | null = null;
  private statics: { route: string; path: string } | null = null;
  private viewPath = '';
  private entry: AppViewRoute | null = null;
  private api: AppControllerRoute[] = [];
  private errorHandler: ((error: Error) => ControllerHandlerReturnType) | null = null;
  private uiConfig: UIConfig = {};

  setBasePath(path: string): this {
    this.basePath = path;
    return this;
  }
  setQueues(queues: BullBoardQueues): this {
    this.queues = queues;
    return this;
  }
  setViewsPath(viewPath: string): this {
    this.viewPath = viewPath;
    return this;
  }
  setStaticPath(route: string, path: string): this {
    this.statics = { route, path };
    return this;
  }
  setEntryRoute(route: AppViewRoute): this {
    this.entry = route;
    return this;
  }
  setErrorHandler(handler: (error: Error) => ControllerHandlerReturnType): this {
    this.errorHandler = handler;
    return this;
  }
  setApiRoutes(routes: AppControllerRoute[]): this {
    this.api = routes;
    return this;
  }
  setUIConfig(config: UIConfig = {}): this {
    this.uiConfig = config;
    return this;
  }

  /** Registers the board's routes on a Fastify scope already mounted at the base path. */
  async register(scope: FastifyInstance): Promise<void> {
    const { statics, entry } = this;
    if (!statics || !entry || !this.errorHandler || !this.queues)
      throw new Error('createBullBoard must configure the adapter first');
    const root = normalize(statics.path) + sep;
    scope.get(`${statics.route}/*`, async (request, reply) => {
      const file = normalize(join(statics.path, (request.params as { '*': string })['*']));
      if (!file.startsWith(root)) return reply.code(404).send();
      try {
        const body = await readFile(file);
        return reply
          .type(CONTENT_TYPES[extname(file)] ?? 'application/octet-stream')
          .header('cache-control', 'public, max-age=86400')
          .send(body);
      } catch {
        return reply.code(404).send();
      }
    });
    const template = await readFile(join(this.viewPath, 'index.ejs'), 'utf8');
    for (const url of ([] as string[]).concat(entry.route)) {
      scope.route({
        method: entry.method.toUpperCase() as 'GET',
        url,
        handler: (_request, reply) => {
          const { params } = entry.handler({ basePath: this.basePath, uiConfig: this.uiConfig });
          const html = template
            .replace(/<%=\s*(\w+)\s*%>/g, (_m, key: string) =>
              escapeHtml(String(params[key] ?? '')),
            )
            .replace(/<%-\s*(\w+)\s*%>/g, (_m, key: string) => String(params[key] ?? ''));
          return reply.type('text/html; charset=utf-8').send(html);
        },
      });
    }
    for (const route of this.api) {
      for (const url of ([] as string[]).concat(route.route)) {
        scope.route({
          method: ([] as string[]).concat(route.method).map((m) => m.toUpperCase()) as 'GET'[],
          url,
          handler: async (request, reply) => {
            const response = await route.handler({
              queues: this.queues as BullBoardQueues,
              uiConfig: this.uiConfig,
              params: request.params as Record<string, string>,
              query: request.query as Record<string, string>,
              body: request.body as Record<string, unknown>,
              headers: request.headers as Record<string, string>,
            } as never);
            return reply.status(response.status ?? 200).send(response.body);
          },
        });
      }
    }
    // Body, content-type and handler errors on the board's routes answer problem+json like the API.
    scope.setErrorHandler((error, request, reply) => replyWithProblem(request, reply, error));
  }
}
