/**
 * What the outbox holds for one contact (lib/worker/outbox/pending-for.ts): the popup's Deal
 * menu and the panel's timeline lay it over Vivre's record, so a deal created offline is never
 * offered for creating again. The feed lists only the oldest waiting writes; the newest, the
 * ones the rep just made, must be found too, on installs from before the indexes existed as well.
 */
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { FEED_PAGE } from '@/lib/worker/outbox/pages';
import { PENDING_ACTIVITIES } from '@/lib/worker/outbox/pending-for';
import { useOutboxTestEnvironment } from './environment';
import { errors, writes } from './fake-vivre';

const env = useOutboxTestEnvironment();
const RAHUL = 'cnt_8821';
const DEAL = 'tmp_00000000-0000-4000-8000-000000000001';

describe('what the outbox still holds for one contact', () => {
  it('finds the deal and the note made after a full first page of other writes', async () => {
    const { outbox } = env.withVivre(() => errors.offline());
    for (let i = 0; i < FEED_PAGE + 5; i++) await outbox.enqueue(writes.activity(`cnt_${i}`));
    const created = await outbox.enqueue(writes.deal(DEAL, RAHUL));
    const moved = await outbox.enqueue(writes.stage(DEAL, 'won'));
    const movedKnown = await outbox.enqueue(writes.stage('dl_4420', 'proposal'));
    await outbox.enqueue(writes.stage('dl_other', 'proposal'));
    const note = await outbox.enqueue(writes.activity(RAHUL, 'Sent the proposal'));

    const feed = await outbox.feed();
    expect(feed.waiting.map((item) => item.id)).not.toContain(created.id);

    const pending = await outbox.pendingFor(RAHUL, ['dl_4420']);
    expect(pending.map((item) => item.id)).toEqual([created.id, moved.id, movedKnown.id, note.id]);
    expect(await outbox.pendingFor('cnt_nobody', [])).toEqual([]);
  });

  it('leaves out what reached Vivre, and keeps only the newest activities', async () => {
    const { vivre, outbox } = env.withVivre();
    const synced = await outbox.enqueue(writes.activity(RAHUL, 'Delivered'));
    await outbox.flushOutbox();
    expect(vivre.calls).toHaveLength(1);
    vivre.behave(() => errors.offline());
    const queued = [];
    for (let i = 0; i < PENDING_ACTIVITIES + 3; i++) {
      queued.push(await outbox.enqueue(writes.activity(RAHUL, `Note ${i}`)));
    }

    const ids = (await outbox.pendingFor(RAHUL, [])).map((item) => item.id);
    expect(ids).not.toContain(synced.id);
    expect(ids).toEqual(queued.slice(-PENDING_ACTIVITIES).map((item) => item.id));
  });

  it('finds writes an install stored before the indexes existed', async () => {
    const made = env.withVivre(() => errors.offline()).outbox;
    const created = await made.enqueue(writes.deal(DEAL, RAHUL));
    await made.close();
    // The same records in a database as version 1 of the outbox laid it out.
    const current = await openDB('vivre-outbox');
    const records = await current.getAll('items');
    current.close();
    const old = await openDB('vivre-outbox-v1', 1, {
      upgrade(db) {
        const items = db.createObjectStore('items', { keyPath: 'id' });
        items.createIndex('by-state-seq', ['state', 'seq'], { unique: true });
        db.createObjectStore('tempIds', { keyPath: 'tempId' });
        db.createObjectStore('meta');
      },
    });
    for (const record of records) await old.put('items', record);
    old.close();

    const upgraded = env.open({
      dbName: 'vivre-outbox-v1',
      deliver: () => Promise.reject(errors.offline()),
    });
    expect((await upgraded.pendingFor(RAHUL, [])).map((item) => item.id)).toEqual([created.id]);
  });
});
