/**
 * The browser's whole network in a test: Gmail is a fixture page, the local
 * sandbox is reachable, and everything else is refused, so nothing leaves the
 * machine and no test depends on the internet.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { fixtureDirs } from './paths';

/** Query parameter naming the fixture a https://mail.google.com/ page serves. */
export const FIXTURE_PARAM = 'vivre-fixture';

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

function isWeb(url: URL): boolean {
  return url.protocol === 'http:' || url.protocol === 'https:';
}

export function readFixture(name: string): string {
  const file = fixtureDirs
    .map((dir) => path.join(dir, `${name}.html`))
    .find((candidate) => existsSync(candidate));
  if (!file) {
    throw new Error(`No Gmail fixture "${name}.html" in ${fixtureDirs.join(' or ')}`);
  }
  return readFileSync(file, 'utf8');
}

/**
 * Chromium flag that makes every host name unresolvable except the loopback ones:
 * a second wall for requests the route handlers never see (the service worker's,
 * the browser's own).
 */
export const OFFLINE_RESOLVER_ARG =
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost';

export async function installNetworkPolicy(context: BrowserContext): Promise<void> {
  await context.route(
    (url) => url.hostname === 'mail.google.com',
    async (route) => {
      const url = new URL(route.request().url());
      const name = url.searchParams.get(FIXTURE_PARAM);
      if (route.request().resourceType() !== 'document' || !name) {
        await route.fulfill({ status: 404, body: '' });
        return;
      }
      await route.fulfill({
        status: 200,
        contentType: 'text/html; charset=utf-8',
        body: readFixture(name),
      });
    },
  );
  await context.route(
    (url) => isWeb(url) && url.hostname !== 'mail.google.com' && !LOCAL_HOSTS.has(url.hostname),
    (route) => route.abort('internetdisconnected'),
  );
}
