/**
 * The organisation's policy in a whole worker: what it sets applies, what it locks the worker
 * refuses to change whatever page asks, what the rep chose stands until the organisation changes
 * it, and a policy that changes while the worker runs applies at once.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { LOCKED_REFUSAL } from '@/lib/shared/managed';
import { SANDBOX_BASE_URL } from '@/lib/shared/vivre/base-url';
import { inboxListItem } from '@/lib/shared/storage/items';
import { DISCONNECTED_BY_POLICY } from '@/lib/worker/settings/managed-connection';
import { CONTACT, json, list } from '../vivre/fake-vivre';
import { GMAIL_TAB, POPUP, settle, startWorker } from '../harness';

const DEMO_KEY = 'vv_test_demo_write_0000000000000000';
const NOTE = {
  kind: 'logActivity',
  body: { contact_id: 'cnt_8821', type: 'call', note: 'Spoke' },
} as const;

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
  vi.unstubAllGlobals();
});

/** A worker whose browser holds `policy` in storage.managed from the start. */
async function workerUnder(policy: Record<string, unknown>) {
  const started = startWorker(() => json(200, list([CONTACT])));
  close = () => started.worker.outbox.close();
  await fakeBrowser.storage.managed.set(policy);
  return started;
}

/** The organisation changes its policy while the worker runs. */
async function changePolicy(
  worker: { policyChanged(): Promise<void> },
  policy: Record<string, unknown>,
) {
  await fakeBrowser.storage.managed.clear();
  await fakeBrowser.storage.managed.set(policy);
  await worker.policyChanged();
}

const settingsOf = async (ask: ReturnType<typeof startWorker>['ask']) => {
  const answer = await ask('getSettings');
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.value;
};

describe('the organisation’s policy in the worker', () => {
  it('lays a locked workspace over the rep’s connection and refuses another one', async () => {
    const { ask } = await workerUnder({
      apiBaseUrl: SANDBOX_BASE_URL,
      workspaceId: 'ws_acme',
      locked: ['apiBaseUrl', 'workspaceId'],
    });
    const settings = await settingsOf(ask);
    expect(settings).toMatchObject({ workspaceId: 'ws_acme', baseUrl: SANDBOX_BASE_URL });
    expect(settings.managed?.locked).toEqual(['apiBaseUrl', 'workspaceId']);
    // Same server: the rep's key still works there.
    expect(settings.maskedKey).not.toBeNull();

    const refused = await ask('saveSettings', {
      apiKey: DEMO_KEY,
      workspaceId: 'ws_demo',
      baseUrl: SANDBOX_BASE_URL,
    });
    expect(refused).toEqual({
      ok: false,
      error: { kind: 'validation', param: 'workspaceId', message: LOCKED_REFUSAL },
    });
    const tested = await ask('testConnection', {
      apiKey: DEMO_KEY,
      workspaceId: 'ws_acme',
      baseUrl: 'https://api.vivre.app/v1',
    });
    expect(tested).toMatchObject({
      ok: true,
      value: { ok: false, error: { param: 'baseUrl', message: LOCKED_REFUSAL } },
    });
  });

  it('never sends the rep’s key to the server the organisation moved Vivre to', async () => {
    const { ask, requests } = await workerUnder({
      apiBaseUrl: 'https://vivre.acme.example/v1',
      locked: ['apiBaseUrl'],
    });
    expect((await settingsOf(ask)).maskedKey).toBeNull();
    const lookup = await ask('lookupContacts', { emails: [CONTACT.email] }, GMAIL_TAB);
    expect(lookup).toEqual({
      ok: false,
      error: {
        kind: 'not_configured',
        message:
          'Your organisation moved Vivre to vivre.acme.example: open Vivre settings and paste your API key again.',
      },
    });
    expect(requests).toEqual([]);
  });

  it('stays disconnected, saying why, when a locked connection value is wrong', async () => {
    const { ask, requests } = await workerUnder({
      apiBaseUrl: 'http://vivre.acme.example/v1',
      locked: ['apiBaseUrl'],
    });
    const lookup = await ask('lookupContacts', { emails: [CONTACT.email] }, GMAIL_TAB);
    expect(lookup).toMatchObject({ ok: false, error: { message: DISCONNECTED_BY_POLICY } });
    expect(requests).toEqual([]);
    expect((await settingsOf(ask)).managed?.problems).toHaveLength(1);
  });

  it('refuses each locked preference and saves the unlocked ones', async () => {
    const { ask } = await workerUnder({
      autoLookup: false,
      excerptLength: 120,
      showInboxScores: false,
      appUrl: 'https://app.acme.example',
      locked: ['autoLookup', 'excerptLength', 'showInboxScores', 'appUrl'],
    });
    const settings = await settingsOf(ask);
    expect(settings).toMatchObject({
      autoLookup: false,
      emailLogging: { excerptLength: 120 },
      inboxList: { showScores: false },
      appUrl: 'https://app.acme.example',
    });
    const refusal = { ok: false, error: { kind: 'validation', message: LOCKED_REFUSAL } };
    expect(await ask('savePrivacy', { autoLookup: true, neverLookup: [] })).toMatchObject(refusal);
    const logging = settings.emailLogging!;
    expect(await ask('saveEmailLogging', { ...logging, excerptLength: 500 })).toMatchObject(
      refusal,
    );
    expect(await ask('saveInboxList', { showScores: true, hotLeadThreshold: 70 })).toMatchObject(
      refusal,
    );
    expect(await ask('saveAppUrl', { appUrl: null })).toMatchObject(refusal);

    // What is not locked stays the rep's: the same saves, the locked values left as they are.
    expect(await ask('saveEmailLogging', { ...logging, logEmailsByDefault: true })).toMatchObject({
      ok: true,
      value: { emailLogging: { logEmailsByDefault: true, excerptLength: 120 } },
    });
    expect(await ask('saveInboxList', { showScores: false, hotLeadThreshold: 90 })).toEqual({
      ok: true,
      value: { showScores: false, hotLeadThreshold: 90 },
    });
    // Gmail tabs read the list preferences from storage.local: the organisation's are there.
    expect(await inboxListItem.getValue()).toEqual({ showScores: false, hotLeadThreshold: 90 });
  });

  it('starts an unlocked value at the organisation’s, keeps the rep’s change, and applies a new one', async () => {
    const { ask, worker } = await workerUnder({ hotLeadThreshold: 85 });
    expect((await settingsOf(ask)).inboxList?.hotLeadThreshold).toBe(85);
    await ask('saveInboxList', { showScores: true, hotLeadThreshold: 60 });

    await changePolicy(worker, { hotLeadThreshold: 85, autoLookup: true });
    expect((await settingsOf(ask)).inboxList?.hotLeadThreshold).toBe(60);

    await changePolicy(worker, { hotLeadThreshold: 95 });
    expect((await settingsOf(ask)).inboxList?.hotLeadThreshold).toBe(95);
  });

  it('never looks up the organisation’s list, beside the rep’s own', async () => {
    const { ask, requests } = await workerUnder({ neverLookup: ['acme.example'] });
    expect(await ask('lookupContacts', { emails: ['buyer@acme.example'] }, GMAIL_TAB)).toEqual({
      ok: true,
      value: { 'buyer@acme.example': { status: 'skipped', reason: 'never_lookup' } },
    });
    expect(requests).toEqual([]);
    const settings = await settingsOf(ask);
    expect(settings.managed?.neverLookup).toEqual(['acme.example']);
    // Not in the rep's own list, which stays theirs to edit.
    expect(settings.neverLookup).not.toContain('acme.example');
  });

  it('will not send writes queued for ws_demo once the organisation locks ws_acme', async () => {
    // Vivre is unreachable: the write waits, stamped with the connection it was made for.
    const started = startWorker(() => {
      throw new TypeError('Failed to fetch');
    });
    close = () => started.worker.outbox.close();
    const { ask, worker } = started;
    const queued = await ask('enqueueWrite', { write: NOTE }, POPUP);
    if (!queued.ok) throw new Error(queued.error.message);
    await settle();
    await changePolicy(worker, {
      apiBaseUrl: SANDBOX_BASE_URL,
      workspaceId: 'ws_acme',
      locked: ['workspaceId'],
    });
    expect((await settingsOf(ask)).workspaceId).toBe('ws_acme');
    expect(
      await ask('sendOutboxWithKey', { id: queued.value.id, apiKey: DEMO_KEY }, POPUP),
    ).toEqual({
      ok: false,
      error: {
        kind: 'validation',
        message:
          'Your organisation no longer allows workspace ws_demo, so this write can’t be sent there: discard it, or ask your admin.',
      },
    });
  });

  it('parks again writes whose key the rep re-entered, once the organisation locks another workspace', async () => {
    const state = { up: false };
    const started = startWorker(() => {
      if (!state.up) throw new TypeError('Failed to fetch');
      return json(201, { id: 'act_1', ...NOTE.body, created_at: new Date().toISOString() });
    });
    close = () => started.worker.outbox.close();
    const { ask, worker, requests } = started;
    const queued = await ask('enqueueWrite', { write: NOTE }, POPUP);
    if (!queued.ok) throw new Error(queued.error.message);
    await settle();
    // The rep moves to ws_other, then re-enters ws_demo's key for the write queued there.
    const other = { apiKey: 'vv_live_other_0000000000000000', workspaceId: 'ws_other' };
    expect(await ask('saveSettings', { ...other, baseUrl: SANDBOX_BASE_URL })).toMatchObject({
      ok: true,
    });
    await worker.outbox.retry(queued.value.id);
    await settle();
    expect(
      await ask('sendOutboxWithKey', { id: queued.value.id, apiKey: DEMO_KEY }, POPUP),
    ).toMatchObject({ ok: true });
    await settle();
    // Before Vivre is back, the organisation allows ws_other only.
    await changePolicy(worker, { workspaceId: 'ws_other', locked: ['workspaceId'] });
    const whileDown = requests.length;
    state.up = true;
    await worker.outbox.retry(queued.value.id).catch(() => undefined);
    await settle();
    // Neither sent nor read back there (the first send may have reached Vivre: it is checked).
    const toDemo = requests
      .slice(whileDown)
      .filter((request) => request.headers.get('X-Workspace-ID') === 'ws_demo');
    expect(toDemo).toEqual([]);
  });
});
