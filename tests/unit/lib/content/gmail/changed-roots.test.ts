// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { isWorthScanning, type GmailChange } from '@/lib/content/gmail/changed-roots';
import { watchGmail } from '@/lib/content/gmail/watch';
import { useTestIdle, useThreadPage } from './live-page';

// Idle time is the test's to give, as in watch.test.ts.
const idleNow = useTestIdle();
const { signal, messages } = useThreadPage();
let changes: GmailChange[];

/** The burst's change, once the browser is "idle". */
async function burst(mutate: () => void): Promise<GmailChange | undefined> {
  changes = [];
  mutate();
  await idleNow();
  return changes[0];
}

beforeEach(() => {
  watchGmail({ root: document, signal: signal(), onChange: (c) => changes.push(c) });
});

describe('what a burst touched', () => {
  it('names the one message whose header changed, not the page', async () => {
    const second = messages()[1]!;
    const person = second.querySelector('.gD[email]')!;
    const change = await burst(() => person.setAttribute('email', 'new.sender@x.example'));
    expect([...change!.roots]).toEqual([second]);
    expect(change!.removed).toBe(false);
  });

  it('asks for no work when only bodies, classes, states, text and people-less rows change', async () => {
    const body = document.querySelector('.a3s')!;
    const inbox = document.createElement('div');
    document.body.append(inbox);
    await idleNow();

    const change = await burst(() => {
      body.append(document.createElement('div')); // a body loading
      body.lastElementChild!.remove();
      messages()[0]!.classList.toggle('hover');
      messages()[0]!.setAttribute('aria-expanded', 'true');
      const row = document.createElement('div');
      row.textContent = 'Sender 1 · Subject 1';
      inbox.append(row); // an inbox row, an ad, a label
      row.textContent = '10:42';
      row.remove();
    });
    // Nothing to read, so nothing is reported (the watcher does not even ask for idle time).
    expect(change).toBeUndefined();
  });

  it('names the parent of added people outside any message, and marks removed ones', async () => {
    const list = document.createElement('div');
    document.body.append(list);
    await idleNow();

    const span = document.createElement('span');
    span.setAttribute('email', 'a@x.example');
    const added = await burst(() => list.append(span));
    expect([...added!.roots]).toEqual([list]);

    const removed = await burst(() => messages()[0]!.remove());
    expect(removed!.removed).toBe(true);
    expect(removed!.roots.size).toBe(0);
  });

  it('names an added element that holds people, not the list it went into', async () => {
    const list = document.createElement('div');
    for (let i = 0; i < 3; i++) list.append(document.createElement('div'));
    document.body.append(list);
    await idleNow();

    const row = document.createElement('div');
    const cell = document.createElement('span');
    cell.setAttribute('email', 'a@x.example');
    row.append(cell);
    const change = await burst(() => list.append(row));
    // Only the new row is read again: the rows already there are not.
    expect([...change!.roots]).toEqual([row]);
  });

  it('names a list row added whole as a row, for the row chips alone', async () => {
    const list = document.createElement('tbody');
    document.body.append(list);
    await idleNow();

    const row = document.createElement('tr');
    row.className = 'zA';
    const person = document.createElement('span');
    person.setAttribute('email', 'a@x.example');
    row.append(person);
    const change = await burst(() => list.append(row));
    expect([...change!.rows]).toEqual([row]);
    expect(change!.roots.size).toBe(0);
    expect(isWorthScanning(change!)).toBe(true);
  });

  it('names the row of a recipient field typed into', async () => {
    const row = document.createElement('div');
    const field = document.createElement('div');
    field.setAttribute('name', 'to');
    const input = document.createElement('input');
    field.append(input);
    row.append(field);
    document.body.append(row);
    await idleNow();

    const change = await burst(() => {
      input.value = 'a@x.example';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect([...change!.roots]).toEqual([row]);
  });
});
