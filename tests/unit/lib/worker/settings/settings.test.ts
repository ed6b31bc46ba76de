import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { defaultConnection, DEMO_WRITE_KEY } from '@/lib/worker/settings/defaults';
import { createSettings } from '@/lib/worker/settings/settings';
import type { FieldResult } from '@/lib/shared/forms/result';
import { validateApiKey, validateBaseUrl, validateWorkspaceId } from '@/lib/shared/forms/settings';
import { PRODUCTION_BASE_URL, SANDBOX_BASE_URL } from '@/lib/shared/vivre/base-url';
import type { VivreError } from '@/lib/worker/vivre/errors';

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
    expect(view.maskedKey).toBe('vv_live_…cdef');
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

  it('shows only the key’s kind and its last four characters', async () => {
    const settings = createSettings({ hasPermission: async () => true });
    const masked = async (apiKey: string) =>
      (await settings.save({ apiKey, workspaceId: 'ws_acme', baseUrl: PRODUCTION_BASE_URL }))
        .maskedKey;
    expect(await masked('vv_test_demo_write_0000000000000000')).toBe('vv_test_…0000');
    expect(await masked('vv_live_ABCDEFGHIJKLMNOP')).toBe('vv_live_…MNOP');
    // At most four characters of the secret part, however long or short the key is.
    for (const key of ['vv_live_ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'vv_test_ABCDEFGHIJKLMNOP']) {
      const shown = (await masked(key))!.replace(/^vv_(live|test)_/, '').replace('…', '');
      expect(shown).toHaveLength(4);
    }
  });

  it('never sends the saved key to another origin: moving the API there needs the key again', async () => {
    const settings = createSettings({ hasPermission: async () => true });
    await settings.save({ apiKey: KEY, workspaceId: 'ws_acme', baseUrl: PRODUCTION_BASE_URL });
    for (const baseUrl of [
      'https://collector.example.com/v1',
      'http://127.0.0.1:8787/v1',
      'https://api.vivre.app:8443/v1',
    ]) {
      const error = await settings
        .resolve({ workspaceId: 'ws_acme', baseUrl })
        .catch((e: VivreError) => e);
      expect(error).toMatchObject({ kind: 'validation', param: 'apiKey' });
      expect((error as VivreError).message).toMatch(/paste/i);
      await expect(settings.save({ workspaceId: 'ws_acme', baseUrl })).rejects.toMatchObject({
        param: 'apiKey',
      });
    }
    expect(await settings.getCredentials()).toMatchObject({ baseUrl: PRODUCTION_BASE_URL });
    // Another path on the same origin keeps the key; a key typed again moves it.
    await settings.save({ workspaceId: 'ws_acme', baseUrl: 'https://api.vivre.app/v2' });
    expect((await settings.getCredentials()).apiKey).toBe(KEY);
    await settings.save({
      apiKey: KEY,
      workspaceId: 'ws_acme',
      baseUrl: 'https://crm.example.com/v1',
    });
    expect(await settings.getCredentials()).toMatchObject({
      apiKey: KEY,
      baseUrl: 'https://crm.example.com/v1',
    });
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

  it('trims what was pasted', async () => {
    const settings = createSettings({ hasPermission: async () => true });
    const pasted = {
      apiKey: ` ${KEY} `,
      workspaceId: ' ws_acme ',
      baseUrl: ` ${PRODUCTION_BASE_URL} `,
    };
    const view = await settings.save(pasted);
    expect(view).toMatchObject({ workspaceId: 'ws_acme', baseUrl: PRODUCTION_BASE_URL });
    expect((await settings.getCredentials()).apiKey).toBe(KEY);
  });

  it('refuses in the same sentence the options page shows beside the field', async () => {
    const settings = createSettings({ hasPermission: async () => true });
    const refusal = (input: Parameters<typeof settings.resolve>[0]) =>
      settings.resolve(input).catch((e: VivreError) => e);
    const pageSays = (result: FieldResult<unknown>) => (result.ok ? 'accepted' : result.message);

    expect(
      await refusal({ apiKey: 'sk_123', workspaceId: 'ws_acme', baseUrl: PRODUCTION_BASE_URL }),
    ).toMatchObject({
      kind: 'validation',
      param: 'apiKey',
      message: pageSays(validateApiKey('sk_123')),
    });
    await settings.save({ apiKey: KEY, workspaceId: 'ws_acme', baseUrl: PRODUCTION_BASE_URL });
    const badWorkspace = await refusal({ workspaceId: 'demo', baseUrl: PRODUCTION_BASE_URL });
    expect(badWorkspace).toMatchObject({
      kind: 'validation',
      param: 'workspaceId',
      message: pageSays(validateWorkspaceId('demo')),
    });
    expect((badWorkspace as VivreError).message).toMatch(/workspace ID/);
    const http = 'http://api.vivre.app/v1';
    expect(await refusal({ apiKey: KEY, workspaceId: 'ws_acme', baseUrl: http })).toMatchObject({
      param: 'baseUrl',
      message: pageSays(validateBaseUrl(http)),
    });
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
