import { describe, expect, it } from 'vitest';
import { API_KEY_PATTERN, checkBaseUrl, checkSettingsInput } from '@/lib/worker/settings/validate';

const DEMO_KEYS = [
  'vv_test_demo_admin_0000000000000000',
  'vv_test_demo_write_0000000000000000',
  'vv_test_demo_read_00000000000000000',
  'vv_test_other_admin_000000000000000',
];

describe('settings validation', () => {
  it.each(DEMO_KEYS)('accepts the sandbox key %s', (key) => {
    expect(API_KEY_PATTERN.test(key)).toBe(true);
  });

  it.each([
    'vv_prod_0000000000000000',
    'vv_live_short',
    'vv_live_has-dash-0000000000',
    ' ',
    'Bearer vv_live_0000000000000000',
  ])('refuses the key %j', (key) => {
    expect(API_KEY_PATTERN.test(key)).toBe(false);
  });

  it('allows http only for localhost', () => {
    expect(checkBaseUrl('http://127.0.0.1:8787/v1')).toEqual({
      ok: true,
      value: 'http://127.0.0.1:8787/v1',
    });
    expect(checkBaseUrl('http://localhost:8787/v1/')).toEqual({
      ok: true,
      value: 'http://localhost:8787/v1',
    });
    expect(checkBaseUrl('https://api.vivre.app/v1')).toMatchObject({ ok: true });
    expect(checkBaseUrl('http://api.vivre.app/v1')).toMatchObject({
      ok: false,
      error: { param: 'baseUrl' },
    });
    expect(checkBaseUrl('javascript:alert(1)')).toMatchObject({ ok: false });
    expect(checkBaseUrl('not a url')).toMatchObject({ ok: false });
    expect(checkBaseUrl('https://user:pw@api.vivre.app/v1')).toMatchObject({ ok: false });
  });

  it('trims what was pasted and explains mistakes in words', () => {
    expect(
      checkSettingsInput({
        apiKey: ` ${DEMO_KEYS[1]} `,
        workspaceId: ' ws_demo ',
        baseUrl: 'https://api.vivre.app/v1',
      }),
    ).toEqual({
      ok: true,
      value: { apiKey: DEMO_KEYS[1], workspaceId: 'ws_demo', baseUrl: 'https://api.vivre.app/v1' },
    });
    const bad = checkSettingsInput({ workspaceId: 'demo', baseUrl: 'https://api.vivre.app/v1' });
    expect(bad).toMatchObject({ ok: false, error: { kind: 'validation', param: 'workspaceId' } });
    expect(bad.ok ? '' : bad.error.message).toMatch(/workspace ID/);
  });
});
