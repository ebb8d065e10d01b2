import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const SRC = join(__dirname, '..', '..');

/**
 * The files allowed to call `appendToStream`, with at most how many calls and why; every other write
 * goes through `handleCommand`.
 */
const DIRECT_APPENDS: Record<string, number> = {
  // The one load/decide/append/retry loop.
  'application/shared/command-handling.ts': 1,
  // The slot take: a conditional append at the count's revision, run inside the publish's loop.
  'application/catalog/seller-gigs.index.ts': 1,
  // Gateway notifications, which move behind a port in the application layer (issue 13, point 2).
  'interfaces/http/webhooks/gateway-notifications.service.ts': 1,
};

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

describe('one command path', () => {
  it('appends to the event store only through the shared command handler', () => {
    const appends: Record<string, number> = {};
    for (const file of ['application', 'interfaces'].flatMap((layer) =>
      sources(join(SRC, layer)),
    )) {
      const calls = readFileSync(file, 'utf8').match(/\.appendToStream\(/g)?.length ?? 0;
      if (calls > 0) appends[relative(SRC, file).split('\\').join('/')] = calls;
    }

    const beyond = Object.entries(appends).filter(([file, n]) => n > (DIRECT_APPENDS[file] ?? 0));
    expect(beyond).toEqual([]);
  });
});
