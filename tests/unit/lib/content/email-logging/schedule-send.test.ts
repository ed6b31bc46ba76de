// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { fakeWorker } from './fake-worker';
import { clickUndo, scripted, shadowOf, showNotice, undoWindowEnds, useGmailTabs } from './page';
import { showFixture } from '../gmail/load-fixture';
import { drawnWords } from '../../../drawn-words';

const tabs = useGmailTabs();

const DRAFT = '#msg-a:r-1111111111111111111';
const compose = () => document.querySelector('[role=dialog]')!;
const heldLine = () =>
  document.querySelector('vivre-held-send')
    ? (drawnWords(shadowOf('vivre-held-send').querySelector('[role=status]')) ?? null)
    : null;
const statusText = () => drawnWords(shadowOf('vivre-email-log').querySelector('[role=status]'));

/** Gmail's schedule-send dialog as its roles are (words English): one choice, its time below. */
function showScheduleChoice(time: string): Element {
  const item = document.createElement('div');
  item.setAttribute('role', 'menuitem');
  const title = document.createElement('div');
  title.textContent = 'Tomorrow morning';
  const when = document.createElement('div');
  when.textContent = time;
  item.append(title, when);
  const dialog = document.createElement('div');
  dialog.setAttribute('role', 'dialog');
  dialog.append(item);
  document.body.append(dialog);
  return when;
}

async function openCompose() {
  const worker = fakeWorker({ prefs: { logEmailsByDefault: true } });
  showFixture('compose-send.html', 'own');
  const logging = await tabs.open(worker);
  await expect.poll(() => statusText()).toBe('Logs for Sneha Kulkarni, Deepa Menon.');
  return { worker, logging };
}

/** The rep opens "More send options" (the button after Send) and picks a time; Gmail schedules. */
async function schedule(
  logging: Awaited<ReturnType<typeof openCompose>>['logging'],
  click = (e: Element) => e.dispatchEvent(new MouseEvent('click', { bubbles: true })),
) {
  const sent = compose();
  click(sent.querySelector('[aria-label="More send options"]')!);
  click(showScheduleChoice('Dec 6, 8:00 AM'));
  sent.remove();
  showNotice('Send scheduled for Dec 6, 8:00 AM', '#thread-a:r-1');
  logging.scan();
  await logging.settled();
  return sent;
}

describe('Schedule send in the tab', () => {
  it('holds the email until its time, past the Undo window, and says when', async () => {
    const { worker, logging } = await openCompose();
    await schedule(logging);
    const at = new Date(2026, 11, 6, 8).getTime();
    expect(worker.held()[DRAFT]).toMatchObject({ commitAt: at, scheduled: true });
    expect(heldLine()).toMatch(/^Vivre will log this email on .*8:00.*\.$/);

    undoWindowEnds();
    logging.scan();
    await logging.settled();
    expect(worker.activities()).toEqual([]);
    expect(Object.keys(worker.held())).toEqual([DRAFT]);
  });

  it('drops it on the rep’s Undo in its notice', async () => {
    const { worker, logging } = await openCompose();
    await schedule(logging);
    clickUndo();
    await logging.settled();
    expect(worker.held()).toEqual({});
    expect(heldLine()).toBe('Sending undone: Vivre logged nothing.');
  });

  it('drops it when the rep’s Cancel send puts the draft back in a compose', async () => {
    const { worker, logging } = await openCompose();
    const sent = await schedule(logging);
    undoWindowEnds();
    logging.scan();
    await logging.settled();

    const cancel = document.createElement('div');
    cancel.setAttribute('role', 'button');
    document.body.append(cancel);
    cancel.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    document.body.append(sent);
    logging.scan();
    await logging.settled();
    await expect.poll(() => worker.held()).toEqual({});
    expect(worker.activities()).toEqual([]);
  });

  it('holds nothing when page script makes the choice', async () => {
    const { worker, logging } = await openCompose();
    await schedule(logging, (e) =>
      e.dispatchEvent(scripted(new MouseEvent('click', { bubbles: true }))),
    );
    expect(worker.held()).toEqual({});
    expect(worker.activities()).toEqual([]);
  });
});
