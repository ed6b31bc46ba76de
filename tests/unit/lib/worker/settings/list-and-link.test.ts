/**
 * The list preferences live in storage.local (the content script reads them), so they are no
 * worker item: the rep's save and the organisation's policy take turns through `updateInboxList`.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { inboxListItem } from '@/lib/shared/storage/items';
import { loadInboxList, saveInboxList, updateInboxList } from '@/lib/worker/settings/list-and-link';

beforeEach(() => fakeBrowser.reset());
afterEach(() => vi.restoreAllMocks());

describe('the inbox list preferences', () => {
  it('keeps a save made while a change is between its read and its write', async () => {
    const read = inboxListItem.getValue.bind(inboxListItem);
    let saving: Promise<unknown> | undefined;
    vi.spyOn(inboxListItem, 'getValue').mockImplementationOnce(async () => {
      const value = await read();
      // The rep turns chips off while the policy's change holds what it read.
      saving = saveInboxList({ showScores: false, hotLeadThreshold: 70 });
      await new Promise((resolve) => setTimeout(resolve, 20));
      return value;
    });
    await updateInboxList((list) => ({ ...list, hotLeadThreshold: 95 }));
    await saving;
    // In turn, the save comes after the change; without turns the change wrote the chips back on.
    expect(await loadInboxList()).toEqual({ showScores: false, hotLeadThreshold: 70 });
  });

  it('writes nothing when a change leaves the preferences as they are', async () => {
    const write = vi.spyOn(inboxListItem, 'setValue');
    expect(await updateInboxList((list) => ({ ...list }))).toEqual({
      showScores: true,
      hotLeadThreshold: 70,
    });
    expect(write).not.toHaveBeenCalled();
  });

  it('goes on after a failed write', async () => {
    vi.spyOn(inboxListItem, 'setValue').mockRejectedValueOnce(new Error('quota'));
    await expect(saveInboxList({ showScores: false, hotLeadThreshold: 80 })).rejects.toThrow(
      'quota',
    );
    expect(await saveInboxList({ showScores: false, hotLeadThreshold: 80 })).toEqual({
      showScores: false,
      hotLeadThreshold: 80,
    });
  });
});
