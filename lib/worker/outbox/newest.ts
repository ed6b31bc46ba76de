/**
 * The newest records of a range of an index, in one request where the browser has IndexedDB's
 * getAll options (a direction and a count: getAllRecords, and getAllKeys with an options
 * object). Walked with a cursor, each record is a round trip between the worker and the
 * browser's IndexedDB; the window of write states publishes the newest 100 writes of each
 * state after every change, and its read transaction, held over those round trips while the
 * worker was busy, kept the rep's next enqueue waiting for up to 15 ms (a write transaction
 * waits for the reads over the same stores begun before it). Browsers without the options
 * (older than this extension's own tests run) walk the cursor as before.
 */

/** What is used of an idb index here: the cursor walk, and the options form where it exists. */
export interface RecentIndex {
  openCursor(range: IDBKeyRange, direction: 'prev'): Promise<WalkedCursor | null>;
  openKeyCursor(range: IDBKeyRange, direction: 'prev'): Promise<WalkedCursor | null>;
}

interface WalkedCursor {
  primaryKey: IDBValidKey;
  continue(): Promise<WalkedCursor | null>;
}

interface GetAllOptions {
  query: IDBKeyRange;
  count: number;
  direction: 'prev';
}

/** The options form, as idb passes it through (its promise for the request). */
interface WithGetAllOptions {
  getAllKeys(options: GetAllOptions): Promise<IDBValidKey[]>;
  getAllRecords(options: GetAllOptions): Promise<{ primaryKey: IDBValidKey; value: unknown }[]>;
}

export interface Newest {
  id: string;
  value?: unknown;
}

/** Asked each time, not at load: tests take the option away to check the cursor's walk. */
export const hasGetAllOptions = () =>
  typeof IDBIndex !== 'undefined' && 'getAllRecords' in IDBIndex.prototype;

/** The newest `count` records of `range`, newest first: their primary keys, and values if asked. */
export async function newestIn(
  index: RecentIndex,
  range: IDBKeyRange,
  count: number,
  values: boolean,
): Promise<Newest[]> {
  if (hasGetAllOptions()) {
    const options: GetAllOptions = { query: range, count, direction: 'prev' };
    const withOptions = index as unknown as WithGetAllOptions;
    return values
      ? (await withOptions.getAllRecords(options)).map((record) => ({
          id: String(record.primaryKey),
          value: record.value,
        }))
      : (await withOptions.getAllKeys(options)).map((key) => ({ id: String(key) }));
  }
  const found: Newest[] = [];
  let cursor = values
    ? await index.openCursor(range, 'prev')
    : await index.openKeyCursor(range, 'prev');
  while (cursor && found.length < count) {
    found.push({
      id: String(cursor.primaryKey),
      ...(values && 'value' in cursor ? { value: cursor.value as unknown } : {}),
    });
    cursor = await cursor.continue();
  }
  return found;
}
