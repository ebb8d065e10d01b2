import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import type { INestApplication } from '@nestjs/common';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { RouteRule } from './route-rule';

export interface AppRoute {
  method: string;
  path: string;
}

const asList = (value: unknown): string[] =>
  Array.isArray(value) ? value.map(String) : [value === undefined ? '' : String(value)];

function joinPath(...parts: string[]): string {
  const joined = `/${parts
    .map((p) => p.replace(/^\/+|\/+$/g, ''))
    .filter(Boolean)
    .join('/')}`;
  return joined.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

/** Every route the app serves, read from the same controller metadata Nest's router registers. */
export function appRoutes(app: INestApplication): AppRoute[] {
  const routes = new Map<string, AppRoute>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const type = wrapper.metatype as (new (...args: unknown[]) => unknown) | undefined;
      if (!type) continue;
      const prefixes = asList(Reflect.getMetadata(PATH_METADATA, type));
      for (const name of Object.getOwnPropertyNames(type.prototype)) {
        const handler = (type.prototype as Record<string, unknown>)[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (method === undefined) continue;
        for (const prefix of prefixes) {
          for (const path of asList(Reflect.getMetadata(PATH_METADATA, handler))) {
            const route = { method: RequestMethod[method], path: joinPath(prefix, path) };
            routes.set(`${route.method} ${route.path}`, route);
          }
        }
      }
    }
  }
  return [...routes.values()].sort(
    (a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method),
  );
}

/** Matrix files are found at run time, so a new context's file needs no edit here. */
function loadFile(file: string): RouteRule[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require(join(__dirname, file)) as { MATRIX: RouteRule[] }).MATRIX;
}

/** The union of every context's `*.matrix.ts` in this folder. */
export function loadMatrix(): (RouteRule & { file: string })[] {
  return readdirSync(__dirname)
    .filter((f) => f.endsWith('.matrix.ts'))
    .sort()
    .flatMap((file) => loadFile(file).map((rule) => ({ ...rule, file })));
}

/** A plausible value per path parameter, so requests reach the handler. */
export function samplePath(path: string): string {
  return path.replace(/\{([^}]+)\}/g, (_m, name: string) => {
    if (/reference/i.test(name)) return 'PR-ABCDE';
    if (name === 'role') return 'mediator';
    return '00000000-0000-4000-8000-000000000000';
  });
}
