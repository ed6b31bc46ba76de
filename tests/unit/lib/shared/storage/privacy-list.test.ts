/**
 * PRIVACY.md's "What is kept on your computer" names everything the extension keeps, where it
 * keeps it, and nothing else: every item of the storage table (lib/shared/storage/table.ts) under
 * its own area, and every IndexedDB database a running worker opens. A key renamed, moved or
 * added fails here until the policy says so.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PRIVACY_MD } from '@/scripts/privacy-page';
import { areaAndKey, STORAGE, type Area } from '@/lib/shared/storage/table';
import { WORKER_DB_NAME } from '@/lib/worker/storage/db';
import { CONTACT, json, list } from '../../worker/vivre/fake-vivre';
import { CARD, GMAIL_TAB, settle, startWorker } from '../../worker/harness';

afterEach(() => vi.unstubAllGlobals());

const policy = readFileSync(PRIVACY_MD, 'utf8');
/** The section as one line: Markdown wraps its text anywhere. */
const kept = policy
  .slice(policy.indexOf('## What is kept on your computer'), policy.indexOf('## Permissions'))
  .replace(/\s+/g, ' ');
/** Where the section speaks of each area: the worker's database's entry, then each paragraph. */
const PARTS: Record<Area, string> = {
  worker: kept.slice(kept.indexOf(`- \`${WORKER_DB_NAME}\``), kept.indexOf('In `storage.local`')),
  local: kept.slice(kept.indexOf('In `storage.local`'), kept.indexOf('In `storage.session`')),
  session: kept.slice(kept.indexOf('In `storage.session`')),
};
const codeSpans = (text: string) => [...text.matchAll(/`([^`]+)`/g)].map((match) => match[1]!);

/** The databases a worker has opened once it has looked up, logged, held and queued. */
async function databasesOpened(): Promise<string[]> {
  const { ask, worker } = startWorker(() => json(200, list([CONTACT])));
  const email = { people: [{ email: CONTACT.email, name: null }], subject: 'S', bodyText: 'B' };
  await ask('lookupContacts', { emails: [CONTACT.email] }, GMAIL_TAB);
  await ask('holdEmailLog', { sendId: 'send-1', commitAt: Date.now(), email }, GMAIL_TAB);
  await ask('getContactDetails', { contactId: CONTACT.id }, CARD);
  await ask('logEmail', email, GMAIL_TAB);
  await settle();
  await worker.outbox.close();
  return (await indexedDB.databases()).map((db) => db.name!).sort();
}

describe('PRIVACY.md’s list of what is kept', () => {
  it.each(Object.values(STORAGE).map((entry) => [entry.key, entry] as const))(
    'names %s where it is kept, with what it holds',
    (_key, entry) => {
      const [area, key] = areaAndKey(entry.key);
      expect(PARTS[area]).toMatch(new RegExp(`\`${key}\` \\([^)]+\\)`));
    },
  );

  it('names every database the worker opens, with what it holds', async () => {
    const opened = await databasesOpened();
    expect(opened).toContain(WORKER_DB_NAME);
    for (const name of opened) expect(kept).toMatch(new RegExp(`- \`${name}\`[,:] \\S`));
  });

  it('names no key and no database that does not exist', async () => {
    const real = new Set([
      ...Object.values(STORAGE).map((entry) => areaAndKey(entry.key)[1]),
      ...(await databasesOpened()),
      'storage.local',
      'storage.session',
    ]);
    expect(codeSpans(kept).filter((name) => !real.has(name))).toEqual([]);
  });
});
