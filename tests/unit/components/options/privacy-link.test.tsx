// @vitest-environment happy-dom
/**
 * The options page links to the privacy policy shipped inside the extension (public/privacy.html,
 * generated from PRIVACY.md), so it opens offline and from the extension's own origin.
 */
import { cleanup, render, screen } from '@testing-library/preact';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Options } from '@/components/options/Options';
import type { OptionsServices } from '@/components/options/services-type';
import { settingsView } from '../../../factories';

const saved = settingsView({ baseUrl: 'https://api.vivre.app/v1' });

function services(getSettings: OptionsServices['getSettings']): OptionsServices {
  const unused = vi.fn(async () => {
    throw new Error('not expected in this test');
  });
  return {
    getSettings,
    saveSettings: unused,
    testConnection: unused,
    savePrivacy: unused,
    saveEmailLogging: unused,
    clearContactCache: unused,
    saveAppUrl: unused,
    allowEmailText: vi.fn(async () => false),
    requestHostAccess: vi.fn(async () => false),
    saveInboxList: unused,
  };
}

afterEach(cleanup);

describe('options: privacy link', () => {
  it.each([
    ['saved settings', { ok: true as const, value: saved }],
    [
      'settings that could not be read',
      { ok: false as const, error: { kind: 'unknown' as const, message: 'broken' } },
    ],
  ])('opens the bundled privacy page in a new tab, with %s', async (_, answer) => {
    render(<Options services={services(async () => answer)} />);
    const link = await screen.findByRole('link', { name: 'Privacy: what leaves your browser' });
    expect(link.getAttribute('href')).toBe('/privacy.html');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe('noopener');
    // Last on the page, after every form.
    expect(link.closest('footer')?.nextElementSibling ?? null).toBeNull();
  });

  it('points at a page the extension ships (WXT copies public/ to the extension root)', () => {
    expect(existsSync(path.resolve('public/privacy.html'))).toBe(true);
  });
});
