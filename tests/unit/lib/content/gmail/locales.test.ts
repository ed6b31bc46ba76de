// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { findParticipantAnchors } from '@/lib/content/gmail/participants';
import { findSignedInEmail } from '@/lib/content/gmail/page';
import { findThreadParticipants } from '@/lib/content/gmail/thread';
import {
  LOCALE_CODES,
  LOCALE_LABELS,
  LOCALE_MESSAGE_2,
  LOCALE_PARTICIPANTS,
} from '../../../../fixtures/gmail/locales';
import { loadFixture } from './load-fixture';

const rows = (doc: Document) =>
  findParticipantAnchors(doc, findSignedInEmail(doc)).map(({ messageId, role, email, name }) => [
    messageId ?? null,
    role,
    email,
    name,
  ]);

describe.each(LOCALE_CODES)('a thread in Gmail’s %s UI', (code) => {
  const fixture = `thread-locale-${code}.html`;

  it('gives every message its people with their roles, the collapsed sender included', () => {
    const doc = loadFixture(fixture, 'own');
    expect(findSignedInEmail(doc)).toBe('meenakshi.rao@bluestone.example');
    expect(rows(doc)).toEqual(LOCALE_PARTICIPANTS);
  });

  it('takes Cc from the "Show details" row when the recipient line has no label for it', () => {
    const { cc } = LOCALE_LABELS[code];
    // Only the popup's translated "cc:" row now says Vikram is copied.
    const doc = loadFixture(fixture, 'own', [
      [`, ${cc}: <span email="vikram`, ', <span email="vikram'],
    ]);
    expect(doc.querySelector('.hb')?.textContent).not.toContain(`${cc}:`);
    expect(rows(doc).find(([, , email]) => email === 'vikram.reddy@bluestone.example')).toEqual([
      LOCALE_MESSAGE_2,
      'cc',
      'vikram.reddy@bluestone.example',
      'Vikram Reddy',
    ]);
  });

  it('puts each person once on the thread, never the hidden popup’s copies nor the body’s links', () => {
    const doc = loadFixture(fixture, 'own');
    const anchors = findParticipantAnchors(doc, findSignedInEmail(doc));
    expect(anchors.some((anchor) => anchor.element.closest('.ajC'))).toBe(false);
    expect(findThreadParticipants(doc, findSignedInEmail(doc)).map((p) => p.email)).toEqual([
      'deepa.menon@kiran-logistics.example',
      'rahul.sharma@acme-tech.example',
      'procurement-team@bluestone.example',
      'priya.kapoor@bluestone.example',
      'vikram.reddy@bluestone.example',
      'arjun.patel@bluestone.example',
    ]);
  });
});
