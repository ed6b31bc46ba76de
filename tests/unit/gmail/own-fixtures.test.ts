// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { findComposeParticipants } from '@/content/gmail/compose-recipients';
import { findParticipantAnchors } from '@/content/gmail/participants';
import { findSignedInEmail } from '@/content/gmail/page';
import { findThreadParticipants } from '@/content/gmail/thread';
import { loadFixture } from './load-fixture';

const brief = (anchors: { email: string; role: string; context: string }[]) =>
  anchors.map(({ email, role, context }) => `${context} ${role} ${email}`);

describe('collapsed, hidden and empty messages', () => {
  const doc = loadFixture('thread-collapsed-hidden.html', 'own');
  const me = findSignedInEmail(doc);

  it('reports the collapsed sender, nothing hidden, nothing malformed, nothing quoted', () => {
    expect(findThreadParticipants(doc, me)).toEqual([
      {
        email: 'deepa.menon@kiran-logistics.example',
        name: 'Deepa Menon',
        role: 'sender',
        messageId: '#msg-f:1',
      },
      {
        email: 'priya.kapoor@bluestone.example',
        name: 'Priya Kapoor',
        role: 'to',
        messageId: '#msg-f:5',
      },
      { email: 'arjun.patel@bluestone.example', name: null, role: 'bcc', messageId: '#msg-f:5' },
    ]);
  });

  it('reports the signed-in sender only when no signed-in account is given', () => {
    expect(brief(findParticipantAnchors(doc))).toContain(
      'thread sender meenakshi.rao@bluestone.example',
    );
    expect(brief(findParticipantAnchors(doc, me)).join()).not.toContain('meenakshi');
  });
});

describe('inline reply', () => {
  const doc = loadFixture('inline-reply-typed.html', 'own');
  const me = findSignedInEmail(doc);

  it('reads the chip and the address typed but not yet a chip, not the half-typed name', () => {
    expect(findComposeParticipants(doc, me)).toEqual([
      { email: 'vikram.reddy@bluestone.example', name: 'Vikram Reddy', role: 'to' },
      { email: 'rahul.sharma@acme-tech.example', name: null, role: 'to' },
    ]);
  });

  it('anchors thread header, compose chip and typing input, never the quoted reply body', () => {
    const anchors = findParticipantAnchors(doc, me);
    expect(brief(anchors)).toEqual([
      'thread sender vikram.reddy@bluestone.example',
      'compose to vikram.reddy@bluestone.example',
      'compose to rahul.sharma@acme-tech.example',
    ]);
    expect(anchors[2]!.element.tagName).toBe('INPUT');
  });
});

describe('compose with Bcc and a minimised second compose', () => {
  const doc = loadFixture('compose-bcc.html', 'own');

  it('reads To and Bcc, skips the hidden row and the signed-in author, a later name wins', () => {
    expect(findComposeParticipants(doc, findSignedInEmail(doc))).toEqual([
      { email: 'ananya.iyer@bluestone.example', name: 'Ananya Iyer', role: 'to' },
      { email: 'arjun.patel@bluestone.example', name: 'Arjun Patel', role: 'bcc' },
      { email: 'priya.kapoor@bluestone.example', name: 'Priya Kapoor', role: 'bcc' },
    ]);
  });

  it('gives one anchor per visible chip, the same person twice in two windows', () => {
    expect(brief(findParticipantAnchors(doc, 'rahul.sharma@acme-tech.example'))).toEqual([
      'compose to ananya.iyer@bluestone.example',
      'compose bcc arjun.patel@bluestone.example',
      'compose bcc priya.kapoor@bluestone.example',
      'compose cc arjun.patel@bluestone.example',
    ]);
  });
});

describe('future markup: every class renamed, attributes kept', () => {
  const doc = loadFixture('future-markup.html', 'own');
  const me = findSignedInEmail(doc);

  it('still finds sender, To and Cc of the message', () => {
    expect(findThreadParticipants(doc, me)).toEqual([
      {
        email: 'sneha.kulkarni@acme-tech.example',
        name: 'Sneha Kulkarni',
        role: 'sender',
        messageId: '#msg-f:99',
      },
      {
        email: 'rahul.sharma@acme-tech.example',
        name: 'Rahul Sharma',
        role: 'to',
        messageId: '#msg-f:99',
      },
      {
        email: 'deepa.menon@kiran-logistics.example',
        name: null,
        role: 'cc',
        messageId: '#msg-f:99',
      },
    ]);
  });

  it('still finds compose chips and typed addresses, never the avatar or body links', () => {
    expect(findComposeParticipants(doc, me)).toEqual([
      { email: 'vikram.reddy@bluestone.example', name: 'Vikram Reddy', role: 'to' },
      { email: 'ananya.iyer@bluestone.example', name: null, role: 'to' },
    ]);
    const all = findParticipantAnchors(doc, me);
    expect(all.map((a) => a.element.tagName)).not.toContain('IMG');
    expect(all.map((a) => a.email).join()).not.toMatch(/meera|accounts/);
  });
});
