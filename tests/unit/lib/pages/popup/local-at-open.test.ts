import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { popupDraftItem } from '@/lib/shared/storage/items';

const DRAFT = { contact: null, type: 'call' as const, note: 'Called about pricing' };

beforeEach(() => {
  fakeBrowser.reset();
  vi.resetModules();
});

describe('popup: the first read of storage', () => {
  it('starts when the module loads, before anything asks for it', async () => {
    await popupDraftItem.setValue(DRAFT);
    const get = vi.spyOn(fakeBrowser.storage.session, 'get');
    const { loadLocal } = await import('@/lib/pages/popup/local-at-open');
    expect(get).toHaveBeenCalled();
    expect((await loadLocal()).draft).toEqual(DRAFT);
  });

  it('reads afresh for any later caller', async () => {
    const { loadLocal } = await import('@/lib/pages/popup/local-at-open');
    expect((await loadLocal()).draft).toBeNull();
    await popupDraftItem.setValue(DRAFT);
    expect((await loadLocal()).draft).toEqual(DRAFT);
  });

  it('gives the read at once when it is back, once, and leaves later callers a fresh read', async () => {
    await popupDraftItem.setValue(DRAFT);
    const { loadLocal, localIfRead } = await import('@/lib/pages/popup/local-at-open');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(localIfRead()?.draft).toEqual(DRAFT);
    expect(localIfRead()).toBeNull();
    await popupDraftItem.setValue(null);
    expect((await loadLocal()).draft).toBeNull();
  });
});
