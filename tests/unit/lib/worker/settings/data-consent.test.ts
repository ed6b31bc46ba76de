import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { EMAIL_TEXT_NOT_ALLOWED } from '@/lib/shared/data-consent';
import { emailTextAllowed } from '@/lib/worker/settings/data-consent';
import { CONTACT, json, list } from '../vivre/fake-vivre';
import { GMAIL_TAB, settle, startWorker } from '../harness';

const FIREFOX_MANIFEST = {
  manifest_version: 3,
  name: 'Vivre for Gmail',
  version: '0.1.0',
  browser_specific_settings: {
    gecko: {
      id: 'vivre-for-gmail@vivre.app',
      data_collection_permissions: {
        required: ['personallyIdentifyingInfo'],
        optional: ['personalCommunications'],
      },
    },
  },
};

/** What Firefox offers: getBrowserInfo, and data-collection permissions the rep may grant. */
function inFirefox({ granted }: { granted: boolean }) {
  vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue(FIREFOX_MANIFEST as never);
  Object.assign(fakeBrowser.runtime, { getBrowserInfo: vi.fn() });
  const contains = vi.fn(async () => granted);
  Object.assign(fakeBrowser.permissions, { contains });
  return contains;
}

afterEach(() => {
  vi.restoreAllMocks();
  delete (fakeBrowser.runtime as { getBrowserInfo?: unknown }).getBrowserInfo;
});

const EMAIL = {
  people: [{ email: CONTACT.email, name: CONTACT.name }],
  subject: 'Revised delivery schedule',
  bodyText: 'Consignment 1 ships on 26 Aug.',
};

describe('email text and Firefox’s data-collection consent', () => {
  it('is allowed in Chrome, which has no such consent (even with the Firefox keys it ships)', async () => {
    vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue(FIREFOX_MANIFEST as never);
    delete (fakeBrowser.runtime as { getBrowserInfo?: unknown }).getBrowserInfo;
    expect(await emailTextAllowed()).toBe(true);
  });

  it('asks Firefox for exactly the optional personalCommunications permission', async () => {
    const contains = inFirefox({ granted: true });
    expect(await emailTextAllowed()).toBe(true);
    expect(contains).toHaveBeenCalledWith({ data_collection: ['personalCommunications'] });
  });

  it('logs no email, and sends nothing to Vivre, until the rep allows it in Firefox', async () => {
    inFirefox({ granted: false });
    const { ask, requests } = startWorker(() => json(200, list([CONTACT])));
    const answer = await ask('logEmail', EMAIL, GMAIL_TAB);
    await settle();
    expect(answer).toEqual({
      ok: false,
      error: { kind: 'forbidden', message: EMAIL_TEXT_NOT_ALLOWED },
    });
    expect(requests).toHaveLength(0);
    expect(await ask('getSettings')).toMatchObject({
      ok: true,
      value: { emailTextAllowed: false },
    });
  });
});
