// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { findComposes } from '@/lib/content/gmail/compose';
import { findComposeParticipants } from '@/lib/content/gmail/compose-recipients';
import { findParticipantAnchors } from '@/lib/content/gmail/participants';
import { findSignedInEmail } from '@/lib/content/gmail/page';
import { loadFixture } from './load-fixture';

const doc = loadFixture('compose-reply-to-cc-bcc.html', 'own');

describe('a compose and an inline reply, each with To, Cc and Bcc chips', () => {
  it('finds both, and each chip once with its field’s role', () => {
    expect(findComposes(doc)).toHaveLength(2);
    expect(findComposeParticipants(doc, findSignedInEmail(doc))).toEqual([
      { email: 'sneha.kulkarni@acme-tech.example', name: 'Sneha Kulkarni', role: 'to' },
      { email: 'arjun.patel@bluestone.example', name: null, role: 'cc' },
      { email: 'deepa.menon@kiran-logistics.example', name: 'Deepa Menon', role: 'bcc' },
      { email: 'priya.kapoor@bluestone.example', name: 'Priya Kapoor', role: 'to' },
      { email: 'vikram.reddy@bluestone.example', name: 'Vikram Reddy', role: 'cc' },
      { email: 'rahul.sharma@acme-tech.example', name: 'Rahul Sharma', role: 'bcc' },
    ]);
  });

  it('anchors chips on the chips, never on the hidden summary’s twins', () => {
    const anchors = findParticipantAnchors(doc, findSignedInEmail(doc));
    expect(anchors).toHaveLength(6);
    expect(anchors.some((anchor) => anchor.element.closest('.oL'))).toBe(false);
  });
});
