// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { findInboxRows, readRowPeople } from '@/lib/content/gmail/inbox-rows';
import { findParticipantAnchors } from '@/lib/content/gmail/participants';
import { readableOnce } from '@/lib/content/gmail/query';
import { findSignedInEmail } from '@/lib/content/gmail/page';
import { loadFixture } from './load-fixture';

const people = (row: Element, signedIn: string | null) =>
  readRowPeople(row, signedIn).map(({ email, name }) => ({ email, name }));

describe('inbox rows (real 2019-12 row markup, inbox-2019.html)', () => {
  const doc = loadFixture('inbox-2019.html', 'own');
  const rep = findSignedInEmail(doc);
  const rows = findInboxRows(doc);

  it('finds the eight rows of the visible list, not the hidden one', () => {
    expect(rep).toBe('meenakshi.rao@bluestone.example');
    expect(rows).toHaveLength(8);
    expect(rows.map((row) => people(row, rep).map((p) => p.email))).toEqual([
      ['rahul.sharma@acme-tech.example'],
      ['sneha.kulkarni@acme-tech.example'],
      [],
      ['ananya.iyer@bluestone.example'],
      ['deepa.menon@kiran-logistics.example'],
      ['aarav.gill@tharsolar.example', 'radhika.desai@vayu-aero.example'],
      ['priya.kapoor@bluestone.example', 'rahul.sharma@acme-tech.example'],
      ['kabir.ahuja@monsoon-travel.example'],
    ]);
  });

  it('reads people from the visible line, never from the hidden summary that repeats them', () => {
    const [first] = readRowPeople(rows[0]!, rep);
    expect(first!.element.closest('.yW')).not.toBeNull();
    expect(first!.element.closest('.afn')).toBeNull();
    expect(people(rows[0]!, rep)).toEqual([
      { email: 'rahul.sharma@acme-tech.example', name: 'Rahul Sharma' },
    ]);
  });

  it('finds the same rows when a burst reads many roots with one readable check', () => {
    const every = [...doc.querySelectorAll('tr.zA')];
    expect(every.length).toBeGreaterThan(rows.length); // the hidden list's rows too
    const readable = readableOnce();
    expect(every.flatMap((row) => findInboxRows(row, readable))).toEqual(rows);
    // Inside a message body (a hostile email's own "row") or one of our hosts: never read.
    const body = doc.createElement('div');
    body.className = 'a3s';
    const fake = rows[0]!.cloneNode(true) as Element;
    body.append(fake);
    doc.body.append(body);
    expect(findInboxRows(fake, readableOnce())).toEqual([]);
    body.remove();
  });

  it('finds the row a change inside it belongs to', () => {
    const cell = rows[5]!.querySelector('.yW')!;
    expect(findInboxRows(cell)).toEqual([rows[5]]);
  });

  it('is not read as a thread: list rows give thread detection no one', () => {
    expect(findParticipantAnchors(doc, rep)).toEqual([]);
  });

  it('keeps working when Gmail renames every class (attributes only)', () => {
    const renamed = loadFixture('inbox-2019.html', 'own', [
      ['class="zA', 'class="q1'],
      ['class="yW"', 'class="q2"'],
      ['class="afn"', 'class="q3"'],
    ]);
    const found = findInboxRows(renamed);
    expect(found).toHaveLength(8);
    expect(people(found[5]!, rep).map((p) => p.email)).toEqual([
      'aarav.gill@tharsolar.example',
      'radhika.desai@vayu-aero.example',
    ]);
  });
});
