import { afterEach, describe, expect, it, vi } from 'vitest';
import { classifySender } from '@/lib/worker/router';
import { CONTACT, json, list } from './vivre/fake-vivre';
import { CARD, GMAIL_TAB, OPTIONS, POPUP, SELF, settle, startWorker } from './harness';

afterEach(() => vi.unstubAllGlobals());

const directory = () => json(200, list([CONTACT]));

describe('who may ask the worker', () => {
  it('answers its own pages and its content script in Gmail, each as what it is', () => {
    expect(classifySender(POPUP, SELF)).toBe('popup');
    expect(classifySender(OPTIONS, SELF)).toBe('options');
    expect(classifySender(CARD, SELF)).toBe('card');
    expect(classifySender(GMAIL_TAB, SELF)).toBe('gmail');
  });

  it.each([
    ['another extension', { id: 'other-extension', url: POPUP.url }],
    ['no id', { url: POPUP.url }],
    [
      'our content script on another site',
      { id: SELF.id, url: 'https://evil.example/', tab: { url: 'https://evil.example/' } },
    ],
    [
      'a look-alike host',
      {
        id: SELF.id,
        url: 'https://mail.google.com.evil.example/',
        tab: { url: 'https://mail.google.com.evil.example/' },
      },
    ],
    [
      'a foreign frame inside a Gmail tab',
      {
        id: SELF.id,
        url: 'https://ads.example/',
        tab: { url: 'https://mail.google.com/mail/u/0/' },
      },
    ],
    [
      'an http Gmail',
      { id: SELF.id, url: 'http://mail.google.com/', tab: { url: 'http://mail.google.com/' } },
    ],
  ])('refuses %s, and makes no request', async (_name, sender) => {
    expect(classifySender(sender, SELF)).toBeNull();
    const { ask, requests } = startWorker(directory);
    const answer = await ask('lookupContacts', { emails: [CONTACT.email] }, sender);
    expect(answer).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    await settle();
    expect(requests).toHaveLength(0);
  });

  it('takes settings only from the options page, never from Gmail or the popup', async () => {
    const { ask, requests } = startWorker(directory);
    const input = {
      apiKey: 'vv_live_0000000000000000',
      workspaceId: 'ws_x',
      baseUrl: 'https://evil.example/v1',
    };
    for (const sender of [GMAIL_TAB, CARD, POPUP]) {
      for (const type of ['saveSettings', 'testConnection'] as const) {
        expect(await ask(type, input, sender)).toMatchObject({
          ok: false,
          error: { kind: 'forbidden' },
        });
      }
    }
    expect(requests).toHaveLength(0);
  });
});

describe('message data', () => {
  it.each([
    ['lookupContacts', { emails: 'rahul@acme.example' }],
    ['lookupContacts', { emails: [CONTACT.email], baseUrl: 'https://evil.example/v1' }],
    ['getContactDetails', { contactId: '' }],
    ['searchContacts', undefined],
    ['enqueueWrite', { write: { kind: 'deleteEverything' } }],
    [
      'enqueueWrite',
      { write: { kind: 'logActivity', body: { contact_id: 'cnt_1', type: 'fax' } } },
    ],
    [
      'enqueueWrite',
      {
        write: {
          kind: 'logActivity',
          body: { contact_id: 'cnt_1', type: 'note', note: 'x'.repeat(10_001) },
        },
      },
    ],
    ['getStatus', { anything: true }],
    ['savePrivacy', { autoLookup: 'yes', neverLookup: [] }],
    ['retryOutboxItem', { id: crypto.randomUUID(), write: { kind: 'logActivity' } }],
  ] as const)('refuses %s with %j before doing anything', async (type, data) => {
    const { ask, requests } = startWorker(directory);
    const answer = await ask(type, data);
    expect(answer).toMatchObject({ ok: false, error: { kind: 'validation' } });
    await settle();
    expect(requests).toHaveLength(0);
  });

  it('names the field it refused', async () => {
    const { ask } = startWorker(directory);
    const answer = await ask('enqueueWrite', {
      write: { kind: 'logActivity', body: { contact_id: 'c', type: 'fax' } },
    });
    expect(answer).toMatchObject({ ok: false, error: { param: 'write.body.type' } });
  });
});
