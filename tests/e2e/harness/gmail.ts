/**
 * Gmail pages as the chip and card tests need them: a fixture changed for one test
 * (another signed-in account, another participant), the chips it grew, and
 * contacts made in the sandbox for it.
 */
import type { Page } from 'playwright-core';
import type { Contact } from '@/lib/shared/vivre/contract-types';
import { replaceInFixture, type Replacements } from '../../fixtures/gmail/variants';
import type { ExtensionBrowser } from './browser';
import { chipNames, imageNames } from './card';
import { readFixture } from './network';
import { DEMO_KEYS, type TestSandbox } from './sandbox';
import { waitFor } from './wait';

/** A fixture's markup with each `[from, to]` replaced (see tests/fixtures/gmail/variants.ts). */
export function fixtureVariant(name: string, replacements: Replacements): string {
  return replaceInFixture(readFixture(name), replacements);
}

/**
 * Opens `html` at a https://mail.google.com/ address, in `mailbox` (another account's
 * /mail/u/1/, a delegated /mail/b/<id>/u/0/). A page route wins over the harness's context
 * route, so only this page sees the variant.
 */
export async function openGmailHtml(
  browser: ExtensionBrowser,
  html: string,
  hash = '#inbox/variant',
  mailbox = '/mail/u/0/',
): Promise<Page> {
  const page = await browser.context.newPage();
  await page.route('https://mail.google.com/**', (route) =>
    route.request().resourceType() === 'document'
      ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html })
      : route.fulfill({ status: 404, body: '' }),
  );
  await page.goto(`https://mail.google.com${mailbox}${hash}`);
  return page;
}

/** The addresses of every chip host on the page, in document order. */
export function chipHostEmails(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('[data-vivre-email]')].map(
      (host) => host.getAttribute('data-vivre-email') ?? '',
    ),
  );
}

/** Waits until the content script has put its first host into the page. */
export async function waitForContentScript(page: Page): Promise<void> {
  await waitFor(
    () => page.evaluate(() => document.querySelector('[data-vivre-host]') !== null),
    'the content script to run on the Gmail page',
  );
}

/** Waits until `count` chips have their lookup answer: a score or "not in Vivre". */
export async function waitForSettledChips(page: Page, count: number): Promise<void> {
  await waitFor(
    async () =>
      (await chipNames(page)).filter((name) => /AI score|not in Vivre/.test(name)).length >= count,
    `${count} settled chips`,
  );
}

/**
 * An expression to evaluate in an inbox page, the same in Chromium (Playwright) and Firefox
 * (Puppeteer): each visible row's chip addresses, in order (the address is the row's own, so
 * the host carries it; what Vivre answered is inside the closed root).
 */
export const VISIBLE_ROW_CHIP_EMAILS = `[...document.querySelectorAll('tr.zA')]
  .filter((row) => row.closest('[style*="display: none"]') === null)
  .map((row) =>
    [...row.querySelectorAll('[data-vivre-email]')].map((host) => host.getAttribute('data-vivre-email') ?? ''),
  )`;

/** The names of the list-row chips with their answer (a score, or not in Vivre), in page order. */
export async function settledRowChipNames(page: Page): Promise<string[]> {
  return (await imageNames(page)).filter((name) => /^Vivre: .*(AI score|not in Vivre)/.test(name));
}

/** Waits until `count` list-row chips have their answer (a score, or not in Vivre). */
export async function waitForSettledRowChips(page: Page, count: number): Promise<void> {
  await waitFor(
    async () => (await settledRowChipNames(page)).length >= count,
    `${count} settled row chips`,
  );
}

/** Creates a contact in ws_demo with the demo admin key, as another Vivre user would. */
export async function createSandboxContact(
  sandbox: TestSandbox,
  body: { name: string; email: string; company?: string },
): Promise<Contact> {
  const response = await fetch(`${sandbox.baseUrl}/contacts`, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${DEMO_KEYS.admin}`,
      'X-Workspace-ID': 'ws_demo',
      'Content-Type': 'application/json',
    },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`POST /v1/contacts → ${response.status}`);
  const json = (await response.json()) as Contact | { data: Contact };
  return 'data' in json ? json.data : json;
}
