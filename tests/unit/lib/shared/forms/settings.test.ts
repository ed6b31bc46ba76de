import { describe, expect, it } from 'vitest';
import {
  validateApiKey,
  validateAppUrl,
  validateBaseUrl,
  validateSettingsForm,
  validateWorkspaceId,
} from '@/lib/shared/forms/settings';

const SANDBOX_KEYS = [
  'vv_test_demo_admin_0000000000000000',
  'vv_test_demo_write_0000000000000000',
  'vv_test_demo_read_00000000000000000',
  'vv_test_other_admin_000000000000000',
];

describe('validateApiKey', () => {
  it('accepts live and test keys', () => {
    expect(validateApiKey(' vv_test_demo_write_0000000000000000 ').ok).toBe(true);
    expect(validateApiKey('vv_live_ABCDEFGHIJKLMNOP').ok).toBe(true);
  });
  it.each(SANDBOX_KEYS)('accepts the sandbox key %s', (key) =>
    expect(validateApiKey(key)).toEqual({ ok: true, value: key }),
  );
  it.each([
    '',
    ' ',
    'sk_live_ABCDEFGHIJKLMNOP',
    'vv_live_short',
    'vv_prod_ABCDEFGHIJKLMNOP',
    'vv_prod_0000000000000000',
    'vv_live_ABCDEFGH-IJKLMNOP',
    'vv_live_has-dash-0000000000',
    'Bearer vv_live_0000000000000000',
  ])('refuses %j', (key) => expect(validateApiKey(key).ok).toBe(false));
});

describe('validateWorkspaceId', () => {
  it('accepts ws_ ids', () =>
    expect(validateWorkspaceId('ws_demo')).toEqual({ ok: true, value: 'ws_demo' }));
  it.each(['', 'demo', 'ws_', 'ws_a b', 'WS_demo'])('refuses %j', (id) =>
    expect(validateWorkspaceId(id).ok).toBe(false),
  );
});

describe('validateBaseUrl', () => {
  it.each([
    ['https://api.vivre.app/v1/', 'https://api.vivre.app/v1'],
    ['http://127.0.0.1:8787/v1', 'http://127.0.0.1:8787/v1'],
    ['http://localhost:8787/v1', 'http://localhost:8787/v1'],
    ['http://localhost:8787/v1/', 'http://localhost:8787/v1'],
  ])('accepts %j', (input, value) => expect(validateBaseUrl(input)).toEqual({ ok: true, value }));

  it.each([
    ['http://api.vivre.app/v1', /https/],
    ['ftp://api.vivre.app', /https/],
    ['api.vivre.app/v1', /web address/],
    ['not a url', /web address/],
    ['javascript:alert(1)', /https/],
    ['https://user:pw@api.vivre.app/v1', /password/],
    ['https://api.vivre.app/v1?x=1', /query/],
    ['', /base URL/],
  ])('refuses %j', (input, message) => {
    const result = validateBaseUrl(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });
});

describe('validateSettingsForm', () => {
  const good = {
    apiKey: 'vv_test_demo_write_0000000000000000',
    workspaceId: 'ws_demo',
    baseUrl: 'http://127.0.0.1:8787/v1',
  };

  it('answers the input to send', () => {
    expect(validateSettingsForm(good, null)).toEqual({ ok: true, input: good });
  });
  it('keeps the saved key when the key field is left empty', () => {
    const result = validateSettingsForm({ ...good, apiKey: '' }, good.baseUrl);
    expect(result).toEqual({ ok: true, input: { workspaceId: 'ws_demo', baseUrl: good.baseUrl } });
  });
  it('keeps it for another path on the same server, and asks for it again on another server', () => {
    const samePlace = validateSettingsForm(
      { ...good, apiKey: '', baseUrl: 'http://127.0.0.1:8787/v2' },
      good.baseUrl,
    );
    expect(samePlace.ok).toBe(true);
    for (const baseUrl of ['http://127.0.0.1:9999/v1', 'https://crm.example.com/v1']) {
      const moved = validateSettingsForm({ ...good, apiKey: '', baseUrl }, good.baseUrl);
      expect(moved).toEqual({ ok: false, errors: { apiKey: expect.stringMatching(/again/) } });
    }
    const typedAgain = validateSettingsForm(
      { ...good, baseUrl: 'https://crm.example.com/v1' },
      good.baseUrl,
    );
    expect(typedAgain.ok).toBe(true);
  });
  it('needs a key when none is saved', () => {
    const result = validateSettingsForm({ ...good, apiKey: '' }, null);
    expect(result.ok).toBe(false);
  });
  it('reports every bad field at once', () => {
    const result = validateSettingsForm(
      { apiKey: 'nope', workspaceId: 'demo', baseUrl: 'http://x.com' },
      good.baseUrl,
    );
    expect(result.ok ? [] : Object.keys(result.errors).sort()).toEqual([
      'apiKey',
      'baseUrl',
      'workspaceId',
    ]);
  });
});

describe('validateAppUrl', () => {
  it('keeps an https address without its trailing slash, and empty as "derive it"', () => {
    expect(validateAppUrl(' https://crm.example.com/vivre/ ')).toEqual({
      ok: true,
      value: 'https://crm.example.com/vivre',
    });
    expect(validateAppUrl('http://localhost:8787')).toEqual({
      ok: true,
      value: 'http://localhost:8787',
    });
    expect(validateAppUrl('  ')).toEqual({ ok: true, value: null });
  });
  it.each(['javascript:alert(1)', 'http://crm.example.com', 'crm', 'https://a.example/?x=1'])(
    'refuses %j',
    (url) => expect(validateAppUrl(url).ok).toBe(false),
  );
});
