/**
 * Gmail's Schedule send in real Firefox ESR against the sandbox, as scheduled-send.e2e.test.ts
 * does in Chromium: a scheduled email is held by the worker until its scheduled time (not logged
 * when Gmail's Undo window ends), logged once when its time comes, and dropped when the rep
 * cancels it. Firefox's event page, its alarms and its storage are what hold it here.
 */
import { randomUUID } from 'node:crypto';
import type { Page } from 'puppeteer-core';
import { DEEPA, SNEHA } from '../factories';
import { SCHEDULE_SEND } from '../fixtures/gmail/variants';
import { describe, expect, test } from './fixtures';
import { emailsWithSubject } from './email-logging-fixtures';
import { waitFor, type TestSandbox } from './harness';
import { allowEmailText, openLoggedCompose, waitForHeldSends } from './harness/firefox';
import { heldSendIds, heldSendsComeDue, workerItemValue } from './harness/worker-storage';

const DRAFT = '#msg-a:r-3333333333333333333';

/** The rep schedules the open compose for "Tomorrow morning" through Gmail's own menus. */
async function scheduleTomorrowMorning(page: Page) {
  await page.locator('[data-tooltip="More send options"]').click();
  await page.locator('[role=menuitem]::-p-text(Schedule send)').click();
  await page.locator('[role=menuitem]::-p-text(Tomorrow morning)').click();
  await waitFor(() => page.$('#fixture-scheduled-view'), 'Gmail to schedule the send');
}

/** How many emails Sneha and Deepa each have in Vivre under `subject`. */
const copies = (sandbox: TestSandbox, subject: string) =>
  Promise.all(
    [SNEHA, DEEPA].map(async (c) => (await emailsWithSubject(sandbox, c, subject)).length),
  );

describe('Gmail’s Schedule send in Firefox', () => {
  test('holds a scheduled email past the Undo window and logs it once at its time', async ({
    sandbox,
    firefox,
  }) => {
    // Firefox sends email text only once the rep has allowed it (the tests below rely on it too).
    await allowEmailText(firefox);
    const subject = `ff scheduled ${randomUUID().slice(0, 8)}`;
    const page = await openLoggedCompose(firefox, subject, SCHEDULE_SEND);
    await scheduleTomorrowMorning(page);
    await waitForHeldSends(firefox, 1, 'the worker to hold the scheduled send');
    const held = await workerItemValue<Record<string, { commitAt: number; scheduled?: boolean }>>(
      firefox.options,
      'held-email-logs',
    );
    const tomorrowAtEight = await page.evaluate(() => {
      const day = new Date(Date.now() + 864e5);
      return new Date(day.getFullYear(), day.getMonth(), day.getDate(), 8).getTime();
    });
    expect(held?.[DRAFT]).toMatchObject({ commitAt: tomorrowAtEight, scheduled: true });

    // Gmail's Undo window ends (the fixture hides the link after 5 s): nothing is logged.
    await page.waitForSelector('#link_undo', { hidden: true, timeout: 15_000 });
    expect(await heldSendIds(firefox.options)).toEqual([DRAFT]);
    expect(await copies(sandbox, subject)).toEqual([0, 0]);

    // Its time comes: the alarm logs it, once, even with the tab closed.
    await page.close();
    await heldSendsComeDue(firefox.options);
    await waitFor(
      async () => (await copies(sandbox, subject)).every((count) => count > 0),
      'the scheduled email in the sandbox',
      { timeoutMs: 30_000 },
    );
    await waitForHeldSends(firefox, 0, 'the logged send to leave the worker');
    await heldSendsComeDue(firefox.options);
    expect(await copies(sandbox, subject)).toEqual([1, 1]);
  });

  // After the test above, as a rep who allowed email text.
  test('drops a scheduled email the rep cancels from Gmail in the tab', async ({
    sandbox,
    firefox,
  }) => {
    const subject = `ff cancelled ${randomUUID().slice(0, 8)}`;
    const page = await openLoggedCompose(firefox, subject, SCHEDULE_SEND);
    await scheduleTomorrowMorning(page);
    await waitForHeldSends(firefox, 1, 'the worker to hold the scheduled send');
    await page.waitForSelector('#link_undo', { hidden: true, timeout: 15_000 });

    await page.locator('#fixture-cancel-send').click();
    await waitForHeldSends(firefox, 0, 'the cancelled send to leave the worker');
    await heldSendsComeDue(firefox.options);
    expect(await copies(sandbox, subject)).toEqual([0, 0]);
    await page.close();
  });
});
