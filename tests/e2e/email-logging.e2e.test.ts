/**
 * Email logging in real Chromium against the sandbox: a send from a fixture compose at
 * https://mail.google.com/ lands in Vivre once per contact with the right note, whichever send
 * signals fire; an all-internal email logs nothing; an offline send syncs later, once; a send
 * undone with Gmail's Undo (the fixture's #link_undo, a 5 s window) logs nothing.
 */
import { DEEPA, RAHUL, SNEHA } from '../factories';
import { ALL_INTERNAL_RECIPIENTS } from '../fixtures/gmail/variants';
import { describe, expect } from './fixtures';
import {
  emailsWithSubject,
  FIRST_MESSAGE,
  HELD,
  SNEHA_AND_DEEPA,
  test,
  TOGGLE,
} from './email-logging-fixtures';
import {
  askWorkerOk,
  evaluateInContentScript,
  createSandboxContact,
  outboxFeed,
  settledOutboxFeed,
  waitFor,
} from './harness';
import { clickControl, repControl, repControls, repStatus } from './harness/rep-controls';
import { heldSendIds } from './harness/worker-storage';

// What is tested is what reaches Vivre, not its rate limit: the file's own reads of the sandbox
// (every 250 ms while a send syncs) used up its 120 a minute on a loaded machine (a 429 there).
test.scoped({ sandboxOptions: { rateLimit: 100_000 } });

describe('logging sent emails from Gmail', () => {
  test('logs a send once per Vivre contact, with the subject and an excerpt as the note', async ({
    sandbox,
    compose,
    copiesOnceSynced,
  }) => {
    const { page, subject } = await compose('E2E send', SNEHA_AND_DEEPA);
    const contactsBefore = (await sandbox.counts()).contacts;
    await page.getByRole('button', { name: /^Send/ }).click();

    expect(await copiesOnceSynced(subject, [SNEHA, DEEPA])).toEqual([1, 1]);
    const [email] = await emailsWithSubject(sandbox, SNEHA, subject);
    const excerpt = email!.note!.slice(`${subject}\n\n`.length);
    expect(excerpt.startsWith('Hi Sneha, Arjun,\n\nSharing the revised quantities')).toBe(true);
    expect(excerpt.length).toBeLessThanOrEqual(500);
    expect(excerpt).not.toContain('QUOTED-HISTORY-MARKER');
    // Arjun is not in Vivre and adding unknown recipients is off: nobody was created.
    expect((await sandbox.counts()).contacts).toBe(contactsBefore);
  });

  test('logs once when Ctrl+Enter, the Send click and the close after "Message sent" all fire', async ({
    compose,
    copiesOnceSynced,
  }) => {
    const { page, subject } = await compose('E2E signals', /^Logs for/);
    await page.locator('[role=textbox][contenteditable=true]').press('Control+Enter');
    await page.getByRole('button', { name: /^Send/ }).click();
    // The fixture closes the compose and shows "Message sent", as Gmail does.
    await page.getByText('Message sent').waitFor({ timeout: 10_000 });

    expect(await copiesOnceSynced(subject, [SNEHA, DEEPA])).toEqual([1, 1]);
  });

  test('logs nothing when every recipient is internal', async ({
    sandbox,
    compose,
    copiesOnceSynced,
  }) => {
    // A colleague who is also a Vivre contact: only the internal rule keeps the email out.
    await createSandboxContact(sandbox, { name: 'Nikhil Rao', email: 'nikhil.rao@seller.example' });
    const before = (await sandbox.counts()).activities;
    const internal = await compose(
      'E2E internal',
      'Not logged: all recipients are internal.',
      ALL_INTERNAL_RECIPIENTS,
    );
    await internal.page.getByRole('button', { name: /^Send/ }).click();
    await internal.page.getByText('Message sent').waitFor({ timeout: 10_000 });

    // A logged send after it: once that one has synced, anything queued before it has too.
    const after = await compose('E2E after internal', /^Logs for/);
    await after.page.getByRole('button', { name: /^Send/ }).click();
    expect(await copiesOnceSynced(after.subject, [SNEHA, DEEPA])).toEqual([1, 1]);
    expect((await sandbox.counts()).activities).toBe(before + 2);
  });

  test('queues a send made while Vivre is unreachable and syncs it later, once', async ({
    sandbox,
    extensionPage,
    popupPage,
    compose,
    copiesOnceSynced,
  }) => {
    const { page, subject } = await compose('E2E offline', SNEHA_AND_DEEPA);
    sandbox.setFaults({ errorRate: 1 });
    try {
      await page.getByRole('button', { name: /^Send/ }).click();
      await waitFor(async () => {
        const waiting = (await outboxFeed(extensionPage))?.waiting ?? [];
        const ours = waiting.filter(
          (item) => item.write.kind === 'logActivity' && item.write.body.note?.startsWith(subject),
        );
        return ours.length === 2 && ours.some((item) => item.attempts > 0);
      }, 'both email activities to wait in the outbox after a failed try');
    } finally {
      sandbox.setFaults({ errorRate: 0 });
    }
    await askWorkerOk(popupPage, 'flushOutbox');
    expect(await copiesOnceSynced(subject, [SNEHA, DEEPA])).toEqual([1, 1]);
  });

  test('logs nothing for a send the rep undoes, and once for the same draft sent again', async ({
    sandbox,
    extensionPage,
    compose,
    copiesOnceSynced,
  }) => {
    const { page, subject } = await compose('E2E undo', SNEHA_AND_DEEPA);
    const heldText = () => repStatus(page, HELD);
    await page.getByRole('button', { name: /^Send/ }).click();
    await expect
      .poll(heldText, { timeout: 10_000 })
      .toBe('Vivre will log this email for Sneha Kulkarni, Deepa Menon once Gmail has sent it.');
    expect(await heldSendIds(extensionPage)).toEqual(['#msg-a:r-1111111111111111111']);

    await page.locator('#link_undo').click();
    await expect.poll(heldText).toBe('Sending undone: Vivre logged nothing.');
    await waitFor(
      async () => (await heldSendIds(extensionPage)).length === 0,
      'the undone send to leave the worker',
    );
    const waiting = (await settledOutboxFeed(extensionPage))?.waiting ?? [];
    const ours = waiting.filter(
      (item) => item.write.kind === 'logActivity' && item.write.body.note?.startsWith(subject),
    );
    expect(ours).toEqual([]);
    expect(await emailsWithSubject(sandbox, SNEHA, subject)).toEqual([]);

    // Gmail put the draft back; sent again, the send stands once the 5 s window has passed.
    const toggle = await repControl(page, TOGGLE, { role: 'checkbox', name: 'Log to Vivre' });
    expect(toggle.checked).toBe(true);
    await page.getByRole('button', { name: /^Send/ }).click();
    await expect
      .poll(heldText, { timeout: 30_000 })
      .toBe('Vivre logged this email for Sneha Kulkarni, Deepa Menon.');
    expect(await copiesOnceSynced(subject, [SNEHA, DEEPA])).toEqual([1, 1]);
    expect(await heldSendIds(extensionPage)).toEqual([]);
  });

  test('logs a thread message once from "Log this email", and shows it logged after a reload', async ({
    gmail,
    copiesOnceSynced,
  }) => {
    const page = await gmail.open('thread-expanded-2025');
    const button = { role: 'button', name: 'Log this email' };
    await clickControl(page, await repControl(page, FIRST_MESSAGE, button));
    await expect.poll(() => repStatus(page, FIRST_MESSAGE)).toMatch(/^Logged ✓ /);

    await page.reload();
    await expect
      .poll(() => repStatus(page, FIRST_MESSAGE), { timeout: 30_000 })
      .toMatch(/^Logged ✓ /);
    const controls = await repControls(page, FIRST_MESSAGE);
    expect(controls.filter((control) => control.role === 'button')).toEqual([]);
    // Signed in at bluestone.example: Rahul, the sender, is the one it is logged for.
    expect(await copiesOnceSynced('PO-4471 – revised delivery schedule', [RAHUL])).toEqual([1]);
  });

  test('names the toggle, the button and whom it is for, as a screen reader announces them', async ({
    extension,
    gmail,
    compose,
  }) => {
    // axe cannot look into closed roots; the browser's accessibility tree can, and is what a
    // screen reader is given: each control's role, name and description.
    const { page } = await compose('E2E names', /^Logs for/);
    const toggle = await repControl(page, TOGGLE, { role: 'checkbox', name: 'Log to Vivre' });
    expect(toggle.checked).toBe(true);
    // …and lays them out apart ("Log to VivreLogs for…" ran together): measured from the content
    // script's world, the only one that can open our closed root.
    const gap = await evaluateInContentScript<number>(
      extension,
      page,
      `(() => {
        const root = chrome.dom.openOrClosedShadowRoot(document.querySelector('${TOGGLE}'));
        const label = root.querySelector('label').getBoundingClientRect();
        const who = root.querySelector('[role=status]').getBoundingClientRect();
        return who.left - label.right;
      })()`,
    );
    expect(gap).toBeGreaterThanOrEqual(4);
    const thread = await gmail.open('thread-expanded-2025');
    // Message 1 was logged by an earlier test; message 2 still offers the button.
    const button = await repControl(thread, 'vivre-log-email', { role: 'button' }, 1);
    expect(button).toMatchObject({
      name: 'Log this email',
      description: 'for Rahul Sharma',
      disabled: false,
    });
  });
});
