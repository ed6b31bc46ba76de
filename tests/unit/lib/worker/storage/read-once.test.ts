/**
 * What the worker reads on every lookup and alone writes is read once (read-once.ts): one
 * database read for any number of lookups, never a failed read kept, the worker's own write
 * kept as written.
 */
import { describe, expect, it, vi } from 'vitest';
import { readOnce } from '@/lib/worker/storage/read-once';

describe('readOnce', () => {
  it('reads once for every caller, even those that ask while the read is out', async () => {
    const read = vi.fn(async () => 'saved');
    const value = readOnce(read);
    expect(await Promise.all([value.get(), value.get(), value.get()])).toEqual([
      'saved',
      'saved',
      'saved',
    ]);
    expect(await value.get()).toBe('saved');
    expect(read).toHaveBeenCalledTimes(1);
  });

  it('does not keep a failed read: the next caller reads again', async () => {
    const read = vi
      .fn<() => Promise<string>>()
      .mockRejectedValueOnce(new Error('database closed'))
      .mockResolvedValue('saved');
    const value = readOnce(read);
    await expect(value.get()).rejects.toThrow('database closed');
    expect(await value.get()).toBe('saved');
    expect(read).toHaveBeenCalledTimes(2);
  });

  it('keeps what the worker wrote, without reading it back', async () => {
    const read = vi.fn(async () => 'old');
    const value = readOnce(read);
    value.keep('new');
    expect(await value.get()).toBe('new');
    expect(read).not.toHaveBeenCalled();
  });

  it('reads again when its scope changes (a fresh database)', async () => {
    let db = {};
    const read = vi.fn(async () => 'saved');
    const value = readOnce(read, () => db);
    await value.get();
    db = {};
    await value.get();
    expect(read).toHaveBeenCalledTimes(2);
  });
});
