/**
 * What the email-logging tests share (email-logging.e2e.test.ts, page-script-input.e2e.test.ts):
 * the controls' hosts, the sends the worker holds, the emails a contact has with a subject, and
 * the `compose` and `copiesOnceSynced` fixtures.
 */
import { heldSendIds } from './harness/worker-storage';
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import type { Activity, Contact } from '@/lib/shared/vivre/contract-types';
import type { Replacements } from '../fixtures/gmail/variants';
import { expect, test as base } from './fixtures';
import { outboxIsEmpty, waitFor, type TestSandbox } from './harness';
import { clickControl, repControl, repStatus } from './harness/rep-controls';

/** The controls' hosts: their closed roots are read as a screen reader reads them. */
export const TOGGLE = 'vivre-email-log';
export const HELD = 'vivre-held-send';
export const FIRST_MESSAGE = 'vivre-log-email[data-vivre-message-id="#msg-f:1840959905192440233"]';

/** Sneha (To) and Deepa (Cc) are in Vivre; Arjun is not, Nikhil is a colleague. */
export const SNEHA_AND_DEEPA = 'Logs for Sneha Kulkarni, Deepa Menon.';

/** The sends the worker holds through Gmail's Undo window (in its own IndexedDB). */
export function heldSends(extensionPage: Page): Promise<string[]> {
  return heldSendIds(extensionPage);
}

export async function emailsWithSubject(
  sandbox: TestSandbox,
  contact: Contact,
  subject: string,
): Promise<Activity[]> {
  const activities = await sandbox.activitiesOf(contact.id);
  return activities.filter((a) => a.type === 'email' && a.note?.startsWith(`${subject}\n\n`));
}

interface EmailLoggingFixtures {
  /**
   * Opens compose-send (or a variant of it) with a unique subject and "Log to Vivre" turned on,
   * and waits until the toggle's line says whom it logs for: `shows`.
   */
  compose(
    label: string,
    shows: string | RegExp,
    variant?: Replacements,
  ): Promise<{ page: Page; subject: string }>;
  /** Waits for the outbox to drain and each contact to hold the email, then counts the copies. */
  copiesOnceSynced(subject: string, contacts: Contact[]): Promise<number[]>;
}

export const test = base.extend<EmailLoggingFixtures>({
  compose: async ({ gmail }, use) => {
    await use(async (label, shows, variant) => {
      const subject = `${label} ${randomUUID().slice(0, 8)}`;
      const page = await (variant
        ? gmail.variant('compose-send', variant, '#inbox')
        : gmail.open('compose-send'));
      await page.locator('input[name=subjectbox]').fill(subject);
      const toggle = await repControl(page, TOGGLE, { role: 'checkbox', name: 'Log to Vivre' });
      if (!toggle.checked) await clickControl(page, toggle);
      const whom = expect.poll(() => repStatus(page, TOGGLE), { timeout: 30_000 });
      await (typeof shows === 'string' ? whom.toBe(shows) : whom.toMatch(shows));
      return { page, subject };
    });
  },
  copiesOnceSynced: async ({ sandbox, extensionPage }, use) => {
    await use(async (subject, contacts) => {
      const emails = (contact: Contact) => emailsWithSubject(sandbox, contact, subject);
      await waitFor(
        async () => {
          if (!(await outboxIsEmpty(extensionPage))) return false;
          const copies = await Promise.all(contacts.map(emails));
          return copies.every((found) => found.length > 0);
        },
        `"${subject}" to be logged for ${contacts.map((contact) => contact.id).join(', ')}`,
        { timeoutMs: 60_000, intervalMs: 250 },
      );
      return Promise.all(contacts.map(async (contact) => (await emails(contact)).length));
    });
  },
});
