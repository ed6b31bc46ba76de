// @vitest-environment happy-dom
/**
 * Only the rep's own input acts: Gmail's page script can write a compose, dispatch every Send and
 * Undo event there is, remove the compose, show a sent notice and put a draft back, and none of it
 * logs an email or undoes a send. Each attack is paired with the rep doing the same thing.
 */
import { describe, expect, it } from 'vitest';
import { DEEPA, fakeWorker, SNEHA } from './fake-worker';
import { ctrlEnter, gmailSends, scripted, shadowOf, undoWindowEnds, useGmailTabs } from './page';
import { showFixture } from '../gmail/load-fixture';
import { drawnWords } from '../../../drawn-words';

const tabs = useGmailTabs();

const compose = () => document.querySelector('[role=dialog]')!;
const body = () => document.querySelector('[role=textbox]')!;
const sendButton = () => document.querySelector('[role=button][aria-label^="Send"]')!;
const undoLink = () => document.querySelector('#link_undo')!;
const statusText = () => drawnWords(shadowOf('vivre-email-log').querySelector('[role=status]'));

const click = () => scripted(new MouseEvent('click', { bubbles: true, composed: true }));
const key = (init: KeyboardEventInit) =>
  scripted(new KeyboardEvent('keydown', { bubbles: true, composed: true, ...init }));

/** compose-send.html in a tab with "Log to Vivre" on by default (and adding unknown people). */
async function openCompose() {
  showFixture('compose-send.html', 'own');
  const worker = fakeWorker({ prefs: { logEmailsByDefault: true, addUnknownRecipients: true } });
  const logging = await tabs.open(worker);
  await expect.poll(() => statusText()).toMatch(/^Logs for Sneha Kulkarni, Deepa Menon/);
  return { worker, logging };
}

/** Gmail's Undo window passes; the tab settles what it holds with the worker. */
async function windowPasses(logging: { scan(): void; settled(): Promise<void> }) {
  await logging.settled();
  undoWindowEnds();
  logging.scan();
  await logging.settled();
}

describe('only the rep’s own input acts', () => {
  it('logs nothing for a send page script fakes, and once for the rep’s own Send', async () => {
    const { worker, logging } = await openCompose();
    const subject = document.querySelector('[name=subjectbox]') as HTMLInputElement;
    subject.value = 'Written by page script';
    body().textContent = 'Text the rep never wrote.';
    sendButton().dispatchEvent(click());
    sendButton().dispatchEvent(key({ key: 'Enter' }));
    body().dispatchEvent(key({ key: 'Enter', ctrlKey: true }));
    const forged = compose();
    gmailSends(forged);
    logging.scan();
    await windowPasses(logging);
    expect(worker.held()).toEqual({});
    expect(worker.writes).toEqual([]); // no email, and no contact made for Arjun either

    // The compose back, the rep clicks Send on it: that send is the rep's, and logs once.
    document.body.append(forged);
    logging.scan();
    sendButton().dispatchEvent(new MouseEvent('click', { bubbles: true }));
    gmailSends(compose(), { param: '#thread-a:r-2' });
    logging.scan();
    await windowPasses(logging);
    const notes = worker.activities().map(([, note]) => note!.split('\n')[0]);
    expect(notes).toEqual(Array(3).fill('Written by page script'));
    expect(worker.writes.filter((write) => write.kind === 'createContact')).toHaveLength(1);
  });

  it('keeps the rep’s send through any Undo page script fakes, and logs it once', async () => {
    const { worker, logging } = await openCompose();
    const sent = compose();
    ctrlEnter(body()); // the rep's own Ctrl+Enter
    gmailSends(sent);
    logging.scan();
    await logging.settled();
    expect(Object.keys(worker.held())).toEqual(['#msg-a:r-1111111111111111111']);

    undoLink().dispatchEvent(click());
    undoLink().dispatchEvent(key({ key: 'Enter' }));
    document.body.dispatchEvent(key({ key: 'z' }));
    document.body.append(sent); // the draft "back open", as Gmail's Undo would put it
    logging.scan();
    await logging.settled();
    expect(Object.keys(worker.held())).toEqual(['#msg-a:r-1111111111111111111']);

    await windowPasses(logging);
    expect(worker.activities().map(([id]) => id)).toEqual([SNEHA.id, DEEPA.id, 'tmp_1']);
    expect(worker.held()).toEqual({});
  });
});
