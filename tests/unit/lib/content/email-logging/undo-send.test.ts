// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { DEEPA, fakeWorker, SNEHA } from './fake-worker';
import {
  clickUndo,
  ctrlEnter,
  gmailSends,
  pressUndoKey,
  shadowOf,
  showNotice,
  undoWindowEnds,
  useGmailTabs,
} from './page';
import { showFixture } from '../gmail/load-fixture';
import { drawnWords } from '../../../drawn-words';

const tabs = useGmailTabs();

const compose = () => document.querySelector('[role=dialog]')!;
const body = () => document.querySelector('[role=textbox]')!;
const heldLine = () =>
  document.querySelector('vivre-held-send')
    ? (drawnWords(shadowOf('vivre-held-send').querySelector('[role=status]')) ?? null)
    : null;
const toggle = () => shadowOf('vivre-email-log').querySelector('input') as HTMLInputElement;
const statusText = () => drawnWords(shadowOf('vivre-email-log').querySelector('[role=status]'));

/** compose-send.html with "Log to Vivre" on by default, sent with Ctrl+Enter. */
async function sendACompose(worker = fakeWorker({ prefs: { logEmailsByDefault: true } })) {
  showFixture('compose-send.html', 'own');
  const logging = await tabs.open(worker);
  await expect.poll(() => statusText()).toBe('Logs for Sneha Kulkarni, Deepa Menon.');
  const sent = compose();
  ctrlEnter(body());
  gmailSends(sent);
  logging.scan();
  await logging.settled();
  return { worker, logging, sent };
}

describe('Undo Send', () => {
  it('keeps the promise in view while Gmail can undo, and logs once when the window passes', async () => {
    const { worker, logging } = await sendACompose();
    expect(worker.activities()).toEqual([]);
    expect(Object.keys(worker.held())).toEqual(['#msg-a:r-1111111111111111111']);
    expect(heldLine()).toBe(
      'Vivre will log this email for Sneha Kulkarni, Deepa Menon once Gmail has sent it.',
    );
    // Whom it logs for, in a closed root: Gmail's page script cannot read it through the host.
    expect(document.querySelector('vivre-held-send')!.shadowRoot).toBeNull();

    undoWindowEnds();
    logging.scan();
    await logging.settled();
    logging.scan();
    await logging.settled();
    expect(worker.activities().map(([id]) => id)).toEqual([SNEHA.id, DEEPA.id]);
    expect(heldLine()).toBe('Vivre logged this email for Sneha Kulkarni, Deepa Menon.');
    expect(worker.held()).toEqual({});
  });

  it('logs nothing when the rep clicks Undo, and the resent draft logs once', async () => {
    const { worker, logging, sent } = await sendACompose();
    clickUndo();
    await logging.settled();
    expect(heldLine()).toBe('Sending undone: Vivre logged nothing.');
    expect(worker.held()).toEqual({});

    // Gmail puts the draft back (the same compose, same draft id); the rep sends it again.
    document.body.append(sent);
    logging.scan();
    await expect.poll(() => statusText()).toBe('Logs for Sneha Kulkarni, Deepa Menon.');
    expect(toggle().checked).toBe(true);
    ctrlEnter(body());
    gmailSends(compose(), { param: '#thread-a:r-2' });
    logging.scan();
    await logging.settled();
    undoWindowEnds();
    logging.scan();
    await logging.settled();
    expect(worker.activities().map(([id]) => id)).toEqual([SNEHA.id, DEEPA.id]);
  });

  it('logs nothing when Undo is clicked before the worker has finished taking the send', async () => {
    showFixture('compose-send.html', 'own');
    const worker = fakeWorker({ prefs: { logEmailsByDefault: true } });
    const logging = await tabs.open(worker);
    await expect.poll(() => statusText()).toBe('Logs for Sneha Kulkarni, Deepa Menon.');
    ctrlEnter(body());
    gmailSends(compose());
    logging.scan();
    clickUndo(); // the hand-over to the worker is still under way
    await logging.settled();
    await logging.settled();
    undoWindowEnds();
    logging.scan();
    await logging.settled();
    expect(heldLine()).toBe('Sending undone: Vivre logged nothing.');
    expect(worker.held()).toEqual({});
    expect(worker.activities()).toEqual([]);
  });

  it('takes the draft coming back open after the rep’s z (Gmail’s undo key) as Undo, whatever the notice does', async () => {
    const { worker, logging, sent } = await sendACompose();
    pressUndoKey();
    document.body.append(sent);
    logging.scan();
    await logging.settled();
    undoWindowEnds();
    logging.scan();
    await logging.settled();
    expect(worker.activities()).toEqual([]);
    expect(worker.held()).toEqual({});
  });

  it('never takes another action’s Undo notice for the send’s', async () => {
    showFixture('compose-send.html', 'own');
    showNotice('Conversation archived.', '#thread-f:99', false);
    const worker = fakeWorker({ prefs: { logEmailsByDefault: true } });
    const logging = await tabs.open(worker);
    await expect.poll(() => statusText()).toBe('Logs for Sneha Kulkarni, Deepa Menon.');
    ctrlEnter(body());
    compose().remove(); // Gmail closes the compose; "Sending…" still shows the old notice
    logging.scan();
    await logging.settled();
    clickUndo(); // the archive's Undo
    await logging.settled();
    expect(Object.keys(worker.held())).toHaveLength(1);

    showNotice('Message sent', '#thread-a:r-7');
    logging.scan();
    undoWindowEnds();
    logging.scan();
    await logging.settled();
    expect(worker.activities()).toHaveLength(2);
  });

  it('leaves a send held in the worker when the tab closes inside the window: its alarm logs it', async () => {
    const { worker } = await sendACompose();
    tabs.closeFirst();
    expect(worker.activities()).toEqual([]);
    worker.clock.now = Date.now() + 35_000; // the tab held it at the page's own clock
    await worker.commitDue();
    expect(worker.activities().map(([id]) => id)).toEqual([SNEHA.id, DEEPA.id]);
  });
});
