/**
 * The check both browsers' page-script tests make of two rows page script added (one for a
 * contact Vivre knows, one for a stranger): everything page script reads of them — text,
 * attributes, our hosts, what `window.find()` and a selection reach — holds neither the contact's
 * name nor their score, and the two rows read alike but for their addresses.
 */
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { createSandboxContact } from './gmail';
import type { TestSandbox } from './sandbox';
import { findAsPageScript, readRowAsPageScript, selectAsPageScript } from './page-script';

/** A new contact in the sandbox, as Vivre answers it, and an address at their company it lacks. */
export async function contactAndStranger(sandbox: TestSandbox) {
  const id = randomUUID().slice(0, 8);
  const created = await createSandboxContact(sandbox, {
    name: `Zora Quill ${id}`,
    email: `zora.${id}@quill-works.example`,
  });
  const contact = await sandbox.get<{ name: string; email: string; ai_score: number }>(
    `/v1/contacts/${created.id}`,
  );
  return { contact, stranger: `nobody.${id}@quill-works.example` };
}

/** Playwright's page and Puppeteer's both run a function in the page's main world. */
interface MainWorld {
  evaluate<R, A>(fn: (arg: A) => R, arg: A): Promise<Awaited<R>>;
  evaluate<R>(fn: () => R): Promise<Awaited<R>>;
}

export async function expectRowsTellNothing(
  page: MainWorld,
  contact: { name: string; email: string; ai_score: number },
  stranger: string,
): Promise<void> {
  const words = [contact.name, `AI score ${contact.ai_score}`, String(contact.ai_score), 'Vivre:'];
  const known = await page.evaluate(readRowAsPageScript, { marker: 'known' });
  const unknown = await page.evaluate(readRowAsPageScript, { marker: 'stranger' });
  const readable = JSON.stringify([known.text, known.attributes, known.hosts, known.selected]);
  expect(readable).not.toContain(contact.name);
  expect(readable).not.toContain('AI score');
  const found = await page.evaluate(findAsPageScript, { words });
  expect(found.inRoots).toEqual([]);
  expect(found.anywhere[contact.name]).toBe(false);
  // Selecting the page, or the row, gives no name and no score: the row selects as the
  // stranger's does.
  const selected = await page.evaluate(selectAsPageScript);
  expect(selected.inRoots).toEqual([]);
  expect(selected.text).not.toContain(contact.name);
  expect(known.selected.replaceAll(contact.email, 'ADDRESS')).toBe(
    unknown.selected.replaceAll(stranger, 'ADDRESS'),
  );
  // Our hosts are there, closed, and say the same whatever Vivre answered.
  expect(known.hosts.map((host) => host.tag)).toEqual(['vivre-hot-lead', 'vivre-row-chip']);
  expect(known.hosts.every((host) => !host.openRoot && host.text === '')).toBe(true);
  expect(known.hosts).toEqual(unknown.hosts);
  const same = (view: typeof known, email: string, marker: string) =>
    view.attributes.map((a) => a.replaceAll(email, 'ADDRESS').replaceAll(marker, 'ROW'));
  expect(same(known, contact.email, 'known')).toEqual(same(unknown, stranger, 'stranger'));
}
