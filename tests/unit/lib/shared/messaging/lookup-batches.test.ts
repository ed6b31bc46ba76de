/**
 * A page can show more people than one lookup message may carry (the worker refuses a
 * `lookupContacts` over its limit, and a refused message used to turn every chip into an
 * error). The chips and the popup split their lookups so every address gets its answer.
 */
import { describe, expect, it, vi } from 'vitest';
import { createLookupStore } from '@/lib/content/lookups/lookup-store';
import { findPageContacts } from '@/components/popup/page-contacts';
import { NO_PAGE, type PopupServices } from '@/components/popup/services-type';
import { MESSAGES } from '@/lib/shared/messaging/messages';
import type { Ask } from '@/lib/shared/messaging/messenger';
import type { LookupResult } from '@/lib/shared/messaging/protocol';
import { contact } from '../../content/chips/fake-worker';

const people = (count: number) =>
  Array.from({ length: count }, (_, i) => `person${i}@big-list.example`);

/** A worker that checks each message as the real router does, and knows every even person. */
function strictWorker() {
  const sizes: number[] = [];
  const ask = vi.fn(async (type: string, data?: unknown) => {
    if (type !== 'lookupContacts') throw new Error(`not faked: ${type}`);
    const checked = MESSAGES.lookupContacts.data.safeParse(data);
    if (!checked.success) {
      return { ok: false, error: { kind: 'validation', message: 'Too many addresses.' } };
    }
    sizes.push(checked.data.emails.length);
    const value: Record<string, LookupResult> = {};
    for (const email of checked.data.emails) {
      const index = Number(/\d+/.exec(email)![0]);
      value[email] =
        index % 2 === 0
          ? {
              status: 'found',
              contact: contact(email, `P${index} X`, 50),
              fetchedAt: 0,
              stale: false,
            }
          : { status: 'not_found', fetchedAt: 0, stale: false };
    }
    return { ok: true, value };
  });
  return { ask: ask as unknown as Ask, sizes };
}

describe('lookups larger than one message', () => {
  it('gives every chip its answer when a page shows 450 people', async () => {
    const worker = strictWorker();
    const store = createLookupStore(worker.ask);
    const emails = people(450);
    await store.lookup(emails, 'me@us.example');
    for (const [i, email] of emails.entries()) {
      expect(store.get(email).status).toBe(i % 2 === 0 ? 'found' : 'not_found');
    }
    expect(worker.sizes.reduce((a, b) => a + b)).toBe(450);
    await store.refresh(emails);
    expect(worker.sizes.reduce((a, b) => a + b)).toBe(900);
    expect(store.worthRefreshing()).toEqual([]);
  });

  it('answers logging about 450 people too', async () => {
    const worker = strictWorker();
    const store = createLookupStore(worker.ask);
    const answers = await store.resolveForLogging(people(450), null);
    expect(Object.values(answers).filter((a) => a.status === 'error')).toEqual([]);
    expect(Object.keys(answers)).toHaveLength(450);
  });

  it('lets the popup offer every person in Vivre on a page of 450', async () => {
    const worker = strictWorker();
    const participants = people(450).map((email) => ({ email, name: null, role: 'to' as const }));
    const services = { ask: worker.ask } as unknown as PopupServices;
    const picked = await findPageContacts(services, { ...NO_PAGE, participants });
    expect(picked).toHaveLength(225);
    expect(picked[0]!.email).toBe('person0@big-list.example');
  });
});
