/**
 * Chips in real Gmail markup, in real Chromium against the sandbox: the right
 * people get the right chip (and body links, colleagues get none), a compose
 * follows its recipients, and moving to another thread leaves nothing behind.
 */
import type { Page } from 'playwright-core';
import { BAND_WORDS, scoreBand } from '@/lib/shared/score-band';
import type { Contact } from '@/lib/shared/vivre/contract-types';
import { RAHUL } from '../factories';
import { REP_ELSEWHERE, type Replacements } from '../fixtures/gmail/variants';
import { describe, expect, test, type GmailPages } from './fixtures';
import {
  cardFrame,
  chipHostEmails,
  chipNames,
  fixtureVariant,
  openCardOf,
  waitForSettledChips,
  type TestSandbox,
} from './harness';

const THREAD = 'thread-expanded-2025';
const BODY_LINKS = [
  'accounts@kiran-logistics.example',
  'dispatch@kiran-logistics.example',
  'meera.joshi@kiran-logistics.example',
];

async function contactByEmail(sandbox: TestSandbox, email: string): Promise<Contact> {
  const { data } = await sandbox.get<{ data: Contact[] }>(
    `/v1/contacts?search=${encodeURIComponent(email)}`,
  );
  const found = data.find((contact) => contact.email.toLowerCase() === email);
  if (!found) throw new Error(`${email} is not seeded`);
  // The chip must show what the API says for this contact's own record.
  return sandbox.get<Contact>(`/v1/contacts/${found.id}`);
}

const foundLabel = (contact: Contact) =>
  `Vivre: ${contact.name}, AI score ${contact.ai_score}, ${BAND_WORDS[scoreBand(contact.ai_score)].toLowerCase()}`;

/** Once all six chips have settled: the addresses that have one, each once, sorted. */
async function settledChipAddresses(page: Page): Promise<string[]> {
  await waitForSettledChips(page, 6);
  return [...new Set(await chipHostEmails(page))].sort();
}

describe('chips on a thread', () => {
  test('shows scores for known people, "+ Add" for unknown ones, and nothing for body links', async ({
    sandbox,
    gmail,
  }) => {
    const page = await gmail.variant(THREAD, REP_ELSEWHERE);
    // Rahul and procurement-team appear in both messages; Ananya and Vikram once.
    expect(await settledChipAddresses(page)).toEqual([
      'ananya.iyer@bluestone.example',
      'procurement-team@bluestone.example',
      'rahul.sharma@acme-tech.example',
      'vikram.reddy@bluestone.example',
    ]);

    const known = await Promise.all(
      [RAHUL.email, 'ananya.iyer@bluestone.example', 'vikram.reddy@bluestone.example'].map(
        (email) => contactByEmail(sandbox, email),
      ),
    );
    expect(known[0]).toMatchObject(RAHUL);
    const names = await chipNames(page);
    for (const contact of known) expect(names).toContain(foundLabel(contact));
    expect(names.filter((name) => name === foundLabel(known[0]!))).toHaveLength(2);
    expect(names.filter((name) => name === 'Vivre: procurement-team is not in Vivre')).toHaveLength(
      2,
    );

    for (const address of BODY_LINKS) {
      expect(await page.locator(`[data-vivre-email="${address}"]`).count()).toBe(0);
    }
    expect(names.join('\n')).not.toMatch(/accounts|dispatch|meera/i);
  });

  test("gives the rep's colleagues no chip, by the default never-look-up rule", async ({
    sandbox,
    gmail,
  }) => {
    const page = await gmail.open(THREAD);
    const rahul = foundLabel(await contactByEmail(sandbox, RAHUL.email));
    await expect.poll(() => chipNames(page), { timeout: 30_000 }).toEqual([rahul, rahul]);
    // Everyone at bluestone.example is a colleague: no button to tab through, no lookup.
    expect((await chipNames(page)).join('\n')).not.toMatch(/Ananya|Vikram|procurement/);
  });
});

describe('chips in a compose window', () => {
  /** Adds a recipient chip to the To field, as PeopleKit does when the rep picks someone. */
  function addRecipient(page: Page, email: string, name: string) {
    return page.evaluate(
      ({ email, name }) => {
        const template = document.querySelector('[role=dialog] [role=option][data-hovercard-id]');
        const wrapper = template?.closest('.agh');
        if (!template || !wrapper) throw new Error('no recipient chip to copy');
        const copy = wrapper.cloneNode(true) as Element;
        copy.querySelectorAll('[data-vivre-host]').forEach((host) => host.remove());
        const option = copy.querySelector('[role=option]')!;
        option.id = ':e2e-new';
        option.setAttribute('data-hovercard-id', email);
        option.setAttribute('data-name', name);
        wrapper.after(copy);
      },
      { email, name },
    );
  }

  function removeRecipient(page: Page, email: string) {
    return page.evaluate((email) => {
      document
        .querySelector(`[role=option][data-hovercard-id="${email}"]`)
        ?.closest('.agh')
        ?.remove();
    }, email);
  }

  test('adds a chip for a new recipient and drops the chip of a removed one', async ({ gmail }) => {
    const page = await gmail.open('compose-peoplekit');
    await expect
      .poll(() => chipHostEmails(page), { timeout: 30_000 })
      .toContain('deepa.menon@kiran-logistics.example');

    await addRecipient(page, 'Kavya.Nair@Kiran-Logistics.example', 'Kavya Nair');
    await expect
      .poll(() => chipNames(page), { timeout: 30_000 })
      .toContain('Vivre: Kavya Nair is not in Vivre');
    expect(await chipHostEmails(page)).toContain('kavya.nair@kiran-logistics.example');

    await removeRecipient(page, 'deepa.menon@kiran-logistics.example');
    await expect
      .poll(() => chipHostEmails(page), { timeout: 30_000 })
      .not.toContain('deepa.menon@kiran-logistics.example');
    expect(await chipHostEmails(page)).toContain('kavya.nair@kiran-logistics.example');
  });
});

describe('moving between threads', () => {
  /** Thread A at #inbox/a, every chip settled, with the card of its first Rahul chip open. */
  async function openThreadWithCard(gmail: GmailPages): Promise<Page> {
    const page = await gmail.variant(THREAD, REP_ELSEWHERE, '#inbox/a');
    await waitForSettledChips(page, 6);
    const card = await openCardOf(page, RAHUL.email);
    await expect.poll(() => card.getByRole('heading', { name: 'Rahul Sharma' }).count()).toBe(1);
    return page;
  }

  /** Thread B: the same markup with other people, so nothing of thread A can be mistaken for it. */
  const THREAD_B_PEOPLE: Replacements = [
    ...REP_ELSEWHERE,
    ['rahul.sharma@acme-tech.example', 'sneha.kulkarni@acme-tech.example'],
    ['Rahul Sharma', 'Sneha Kulkarni'],
    ['ananya.iyer@bluestone.example', 'deepa.menon@kiran-logistics.example'],
    ['Ananya Iyer', 'Deepa Menon'],
    ['vikram.reddy@bluestone.example', 'priya.kapoor@bluestone.example'],
    ['Vikram Reddy', 'Priya Kapoor'],
    // The group's display name is its local part, so this renames both.
    ['procurement-team', 'arjun.patel'],
  ];

  test('leaves no chip or card of the old thread after an in-page navigation', async ({
    gmail,
  }) => {
    const page = await openThreadWithCard(gmail);

    // Gmail swaps the thread's markup and pushes a new history entry.
    await page.evaluate(
      (html) => {
        const next = new DOMParser()
          .parseFromString(html, 'text/html')
          .querySelector('[role=main]');
        document.querySelector('[role=main]')!.replaceWith(document.importNode(next!, true));
        history.pushState(null, '', '#inbox/b');
      },
      fixtureVariant(THREAD, THREAD_B_PEOPLE),
    );

    expect(await settledChipAddresses(page)).toEqual([
      'arjun.patel@bluestone.example',
      'deepa.menon@kiran-logistics.example',
      'priya.kapoor@bluestone.example',
      'sneha.kulkarni@acme-tech.example',
    ]);
    await expect.poll(async () => (await cardFrame(page)).getByRole('dialog').count()).toBe(0);
    expect((await chipNames(page)).join('\n')).not.toMatch(/Rahul|Ananya|Vikram|procurement/);
  });

  test('closes the card of a person whose element Gmail reuses for someone else', async ({
    gmail,
  }) => {
    // The first Rahul chip, whose card is open, is message 1's sender.
    const page = await openThreadWithCard(gmail);

    await page.evaluate(() => {
      const sender = document.querySelector('[data-message-id] span.gD[email]')!;
      for (const attribute of ['email', 'data-hovercard-id'])
        sender.setAttribute(attribute, 'sneha.kulkarni@acme-tech.example');
      sender.setAttribute('name', 'Sneha Kulkarni');
    });

    await expect
      .poll(() => chipHostEmails(page), { timeout: 30_000 })
      .toContain('sneha.kulkarni@acme-tech.example');
    const hosts = await chipHostEmails(page);
    expect(hosts.filter((email) => email === 'rahul.sharma@acme-tech.example')).toHaveLength(1);
    await expect.poll(async () => (await cardFrame(page)).getByRole('dialog').count()).toBe(0);
  });
});
