// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { ALL_INTERNAL_RECIPIENTS } from '../../../../fixtures/gmail/variants';
import { contact, DEEPA, fakeWorker, SNEHA } from './fake-worker';
import {
  ctrlEnter,
  gmailSends,
  scripted,
  shadowOf,
  showNotice,
  undoWindowEnds,
  useGmailTabs,
} from './page';
import { showFixture } from '../gmail/load-fixture';
import { drawnWords } from '../../../drawn-words';

const tabs = useGmailTabs();

const compose = () => document.querySelector('[role=dialog]')!;
const sendButton = () => document.querySelector('[role=button][aria-label^="Send"]') as HTMLElement;
const body = () => document.querySelector('[role=textbox]')!;

/** The rep turns "Log to Vivre" on, then waits for it to say whom it will log for. */
async function turnLoggingOn() {
  const toggle = shadowOf('vivre-email-log').querySelector('input') as HTMLInputElement;
  toggle.click();
  await expect.poll(() => statusText()).not.toMatch(/Checking/);
}
const statusText = () => drawnWords(shadowOf('vivre-email-log').querySelector('[role=status]'));

/** Gmail's Undo window passes with the send standing; the tab settles it with the worker. */
async function sendStands(logging: { scan(): void; settled(): Promise<void> }) {
  await logging.settled();
  undoWindowEnds();
  logging.scan();
  await logging.settled();
}

describe('logging a sent compose', () => {
  it("cannot be turned on by Gmail's page script, and shows it nothing of whom it logs for", async () => {
    showFixture('compose-send.html', 'own');
    const worker = fakeWorker();
    const logging = await tabs.open(worker);
    const host = document.querySelector('vivre-email-log') as HTMLElement;
    expect(host.shadowRoot).toBeNull();
    const toggle = shadowOf('vivre-email-log').querySelector('input') as HTMLInputElement;
    host.click();
    const click = (cancelable: boolean) =>
      scripted(new MouseEvent('click', { bubbles: true, composed: true, cancelable }));
    // As `toggle.click()` makes it: cancelled, the box stays as it was.
    toggle.dispatchEvent(click(true));
    expect(toggle.checked).toBe(false);
    // One that cannot be cancelled ticks the box, but the toggle does not act on it.
    toggle.dispatchEvent(click(false));
    expect(statusText()).toBe('');
    sendButton().click();
    gmailSends(compose());
    logging.scan();
    await logging.settled();
    expect(worker.writes).toEqual([]);
  });

  it('shows no Deal menu when the email goes to several contacts, and each gets its only open deal', async () => {
    showFixture('compose-send.html', 'own');
    const deal = { value: 100_000, stage: 'new' as const, created_at: '2026-01-01T00:00:00Z' };
    const worker = fakeWorker({
      deals: {
        [SNEHA.id]: [{ ...deal, id: 'dl_s', contact_id: SNEHA.id, title: 'Pilot' }],
        [DEEPA.id]: [],
      },
    });
    const logging = await tabs.open(worker);
    await turnLoggingOn();
    expect(shadowOf('vivre-email-log').querySelector('select')).toBeNull();
    sendButton().click();
    gmailSends(compose());
    logging.scan();
    await sendStands(logging);
    expect(worker.dealIds()).toEqual(['dl_s', null]);
  });

  it('logs one email per Vivre contact even when all three send signals fire', async () => {
    showFixture('compose-send.html', 'own');
    const worker = fakeWorker();
    const logging = await tabs.open(worker);
    await turnLoggingOn();
    expect(statusText()).toBe('Logs for Sneha Kulkarni, Deepa Menon.');

    ctrlEnter(body());
    sendButton().click();
    gmailSends(compose());
    logging.scan();
    logging.scan();
    await sendStands(logging);

    const activities = worker.activities();
    expect(activities.map(([contactId]) => contactId)).toEqual([SNEHA.id, DEEPA.id]);
    const note = activities[0]![1]!;
    expect(note.startsWith('PO-4472 – revised quantities\n\nHi Sneha, Arjun,\n\nSharing')).toBe(
      true,
    );
    const excerpt = note.slice('PO-4472 – revised quantities\n\n'.length);
    expect(excerpt.length).toBeLessThanOrEqual(500); // the default excerpt length
    expect(excerpt.length).toBeGreaterThan(450);
    expect(excerpt.endsWith('…')).toBe(true);
    expect(note).not.toContain('QUOTED-HISTORY-MARKER');
    expect(activities[1]![1]).toBe(note);
  });

  it('logs the content as it was at the send, not after', async () => {
    showFixture('compose-send.html', 'own');
    const worker = fakeWorker({ prefs: { logEmailsByDefault: true, excerptLength: 20 } });
    const logging = await tabs.open(worker);
    (document.querySelector('[name=subjectbox]') as HTMLInputElement).value = 'Final numbers';
    sendButton().click();
    (document.querySelector('[name=subjectbox]') as HTMLInputElement).value = 'Changed after';
    gmailSends(compose());
    logging.scan();
    await sendStands(logging);
    expect(worker.activities().map(([, note]) => note)).toEqual(
      Array(2).fill('Final numbers\n\nHi Sneha, Arjun,\n\nS…'),
    );
  });

  it('logs nothing with the toggle off (the default)', async () => {
    showFixture('compose-send.html', 'own');
    const worker = fakeWorker();
    const logging = await tabs.open(worker);
    expect(statusText()).toBe('');
    sendButton().click();
    gmailSends(compose());
    logging.scan();
    await sendStands(logging);
    expect(worker.writes).toEqual([]);
  });

  it('logs nothing when every recipient is internal, and says so before the send', async () => {
    showFixture('compose-send.html', 'own', ALL_INTERNAL_RECIPIENTS);
    const worker = fakeWorker({ prefs: { logEmailsByDefault: true } });
    const logging = await tabs.open(worker);
    await expect.poll(() => statusText()).toBe('Not logged: all recipients are internal.');
    ctrlEnter(body());
    gmailSends(compose());
    logging.scan();
    await sendStands(logging);
    expect(worker.writes).toEqual([]);
  });

  it('leaves never-log addresses out', async () => {
    showFixture('compose-send.html', 'own');
    const worker = fakeWorker({
      prefs: { logEmailsByDefault: true },
      neverLookup: ['kiran-logistics.example'],
    });
    const logging = await tabs.open(worker);
    await expect.poll(() => statusText()).toBe('Logs for Sneha Kulkarni.');
    sendButton().click();
    gmailSends(compose());
    logging.scan();
    await sendStands(logging);
    expect(worker.activities().map(([contactId]) => contactId)).toEqual([SNEHA.id]);
  });

  it('adds an unknown recipient first when asked, logging against its temporary id', async () => {
    showFixture('compose-send.html', 'own');
    const worker = fakeWorker({
      prefs: { logEmailsByDefault: true, addUnknownRecipients: true },
    });
    const logging = await tabs.open(worker);
    await expect
      .poll(() => statusText())
      .toBe(
        'Logs for Sneha Kulkarni, Deepa Menon, arjun.patel@bluestone.example (adds 1 to Vivre).',
      );
    sendButton().click();
    gmailSends(compose());
    logging.scan();
    await sendStands(logging);
    const create = worker.writes.find((write) => write.kind === 'createContact');
    expect(create).toMatchObject({
      body: { name: 'Arjun Patel', email: 'arjun.patel@bluestone.example' },
    });
    const tempId = create?.kind === 'createContact' ? create.tempId : '';
    expect(worker.activities().map(([contactId]) => contactId)).toEqual([
      SNEHA.id,
      DEEPA.id,
      tempId,
    ]);
    expect(worker.writes.indexOf(create!)).toBeLessThan(worker.writes.length - 1);
  });

  it('does not log a compose Gmail refused to send (it stayed open)', async () => {
    showFixture('compose-send.html', 'own');
    const worker = fakeWorker({ prefs: { logEmailsByDefault: true } });
    const logging = await tabs.open(worker);
    sendButton().click();
    logging.scan();
    await logging.settled();
    expect(worker.writes).toEqual([]);
  });

  it('puts the toggle in the real PeopleKit compose and reads who is a colleague', async () => {
    showFixture('compose-peoplekit.html', 'shared');
    const worker = fakeWorker({ prefs: { logEmailsByDefault: true } });
    await tabs.open(worker);
    // Signed in as rahul.sharma@acme-tech.example: Sneha is a colleague, Arjun is not in Vivre.
    await expect.poll(() => statusText()).toBe('Logs for Deepa Menon.');
    expect(document.querySelectorAll('vivre-email-log')).toHaveLength(1);
  });

  it('logs an inline reply under the thread subject, without the quoted original', async () => {
    showFixture('inline-reply-send.html', 'own');
    const priya = contact('cnt_priya', 'priya.kapoor@bluestone.example', 'Priya Kapoor');
    const worker = fakeWorker({ known: [priya], prefs: { logEmailsByDefault: true } });
    const logging = await tabs.open(worker);
    await expect.poll(() => statusText()).toBe('Logs for Priya Kapoor.');
    ctrlEnter(body());
    // Gmail swaps the sent reply for the new message; a reply's notice has Undo only.
    document.querySelector('.M9')!.remove();
    showNotice('Message sent', '#thread-a:r-20', false);
    logging.scan();
    await sendStands(logging);
    expect(worker.activities()).toEqual([
      ['cnt_priya', 'Annual plan – pricing\n\nHi Priya,\n40 seats come to ₹6,500 a seat a year.'],
    ]);
  });
});
