import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { defaultConnection, DEMO_WRITE_KEY } from '../../../src/worker/settings/defaults';
import { createSettings } from '../../../src/worker/settings/settings';
import { PRODUCTION_BASE_URL, SANDBOX_BASE_URL } from '../../../src/shared/vivre/base-url';
import type { VivreError } from '../../../src/worker/vivre/errors';

const KEY = 'vv_live_Secret_Key_1234567890abcdef';

beforeEach(() => {
  fakeBrowser.reset();
  vi.stubGlobal('indexedDB', new IDBFactory());
});

async function everythingInExtensionStorage(): Promise<string> {
  const areas = await Promise.all([
    fakeBrowser.storage.local.get(),
    fakeBrowser.storage.sync.get(),
  ]);
  return JSON.stringify(areas);
}

describe('settings and key custody', () => {
  it('keeps the key out of storage.local and storage.sync, and shows only a masked key', async () => {
    const settings = createSettings({ hasPermission: async () => true });
    const view = await settings.save({
      apiKey: KEY,
      workspaceId: 'ws_acme',
      baseUrl: 'https://api.vivre.app/v1/',
    });

    expect(view).toMatchObject({ workspaceId: 'ws_acme', baseUrl: 'https://api.vivre.app/v1' });
    expect(view.maskedKey).toBe('vv_live_Secret…cdef');
    expect(JSON.stringify(view)).not.toContain(KEY);
    expect(await everythingInExtensionStorage()).not.toContain('Secret_Key');
    expect(await settings.getCredentials()).toEqual({
      apiKey: KEY,
      workspaceId: 'ws_acme',
      baseUrl: 'https://api.vivre.app/v1',
    });
  });

  it('keeps the saved key when the rep saves without typing a new one', async () => {
    const settings = createSettings({ hasPermission: async () => true });
    await settings.save({ apiKey: KEY, workspaceId: 'ws_acme', baseUrl: PRODUCTION_BASE_URL });
    await settings.save({ workspaceId: 'ws_other', baseUrl: PRODUCTION_BASE_URL });
    expect((await settings.getCredentials()).apiKey).toBe(KEY);
  });

  it('refuses an origin it has no host permission for, and saves nothing', async () => {
    const settings = createSettings({ hasPermission: async () => false });
    const error = await settings
      .save({ apiKey: KEY, workspaceId: 'ws_acme', baseUrl: 'https://crm.example.com/v1' })
      .catch((e: VivreError) => e);
    expect(error).toMatchObject({ kind: 'validation', param: 'baseUrl' });
    expect((await settings.view()).baseUrl).not.toBe('https://crm.example.com/v1');
  });

  it('names the field that is wrong', async () => {
    const settings = createSettings({ hasPermission: async () => true });
    const param = (input: Parameters<typeof settings.save>[0]) =>
      settings.save(input).then(
        () => null,
        (e: VivreError) => e.param,
      );
    expect(
      await param({ apiKey: 'sk_123', workspaceId: 'ws_a', baseUrl: PRODUCTION_BASE_URL }),
    ).toBe('apiKey');
    expect(await param({ apiKey: KEY, workspaceId: 'acme', baseUrl: PRODUCTION_BASE_URL })).toBe(
      'workspaceId',
    );
    expect(
      await param({ apiKey: KEY, workspaceId: 'ws_a', baseUrl: 'http://api.vivre.app/v1' }),
    ).toBe('baseUrl');
  });

  it('is "not configured" in production until a key is saved', async () => {
    expect(defaultConnection(false)).toEqual({
      apiKey: null,
      workspaceId: '',
      baseUrl: PRODUCTION_BASE_URL,
    });
    expect(defaultConnection(true)).toEqual({
      apiKey: DEMO_WRITE_KEY,
      workspaceId: 'ws_demo',
      baseUrl: SANDBOX_BASE_URL,
    });
  });
});
