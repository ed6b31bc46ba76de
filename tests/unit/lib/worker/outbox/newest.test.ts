import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { afterEach, describe, expect, it } from 'vitest';
import { hasGetAllOptions, newestIn, type RecentIndex } from '@/lib/worker/outbox/newest';

/** 30 records, state by seq: every third stuck, the rest waiting; ids sort apart from seq. */
async function filledIndex() {
  const db = await openDB(`newest-${Math.random()}`, 1, {
    upgrade(db) {
      db.createObjectStore('items', { keyPath: 'id' }).createIndex('by-state-seq', [
        'state',
        'seq',
      ]);
    },
  });
  const tx = db.transaction('items', 'readwrite');
  for (let seq = 1; seq <= 30; seq++) {
    const state = seq % 3 === 0 ? 'attention' : 'waiting';
    await tx.store.put({ id: `item_${String(100 - seq)}`, seq, state });
  }
  await tx.done;
  const index = () => db.transaction('items').store.index('by-state-seq') as unknown as RecentIndex;
  return { db, index };
}

const range = (state: string) => IDBKeyRange.bound([state, -Infinity], [state, Infinity]);

/** Each check runs with the browser's getAll options and, as an older browser, without them. */
const ways = [
  ['with the getAll options', () => () => {}],
  [
    'walking a cursor, without them',
    () => {
      const proto = IDBIndex.prototype as unknown as Record<string, unknown>;
      const getAllRecords = proto.getAllRecords;
      delete proto.getAllRecords;
      return () => void (proto.getAllRecords = getAllRecords);
    },
  ],
] as const;

describe.each(ways)('the newest records of a range, %s', (_, setUp) => {
  let restore = () => {};
  afterEach(() => restore());

  it('gives the newest first, at most `count`, keys alone unless values are asked', async () => {
    restore = setUp();
    expect(hasGetAllOptions()).toBe(_ === 'with the getAll options');
    const { index } = await filledIndex();
    const keys = await newestIn(index(), range('waiting'), 3, false);
    expect(keys).toEqual([{ id: 'item_71' }, { id: 'item_72' }, { id: 'item_74' }]);
    const records = await newestIn(index(), range('attention'), 2, true);
    expect(records).toEqual([
      { id: 'item_70', value: { id: 'item_70', seq: 30, state: 'attention' } },
      { id: 'item_73', value: { id: 'item_73', seq: 27, state: 'attention' } },
    ]);
  });

  it('gives all of a short range, and nothing of an empty one', async () => {
    restore = setUp();
    const { index } = await filledIndex();
    expect(await newestIn(index(), range('attention'), 100, false)).toHaveLength(10);
    expect(await newestIn(index(), range('synced'), 100, true)).toEqual([]);
  });
});
