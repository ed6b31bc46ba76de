// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { findParticipantAnchors } from '@/lib/content/gmail/participants';
import { findSignedInEmail } from '@/lib/content/gmail/page';
import { findThreadParticipants } from '@/lib/content/gmail/thread';
import type { ParticipantRole } from '@/lib/shared/people';
import { loadFixture, participant } from './load-fixture';

const doc = loadFixture('thread-expanded-2025.html');
const MESSAGE_1 = '#msg-f:1840959905192440233';
const MESSAGE_2 = '#msg-f:1840966112043318467';

describe('real Gmail thread (2025-08 markup)', () => {
  it('reads the signed-in account from the title', () => {
    expect(findSignedInEmail(doc)).toBe('meenakshi.rao@bluestone.example');
  });

  it('finds each message sender and recipients, as in the fixture README', () => {
    const rows = findParticipantAnchors(doc, findSignedInEmail(doc)).map(
      ({ email, name, role, messageId, context }) => ({ email, name, role, messageId, context }),
    );
    expect(rows).toEqual([
      row(MESSAGE_1, 'sender', 'rahul.sharma@acme-tech.example', 'Rahul Sharma'),
      row(MESSAGE_1, 'to', 'procurement-team@bluestone.example', 'procurement-team'),
      row(MESSAGE_2, 'sender', 'ananya.iyer@bluestone.example', 'Ananya Iyer'),
      row(MESSAGE_2, 'to', 'rahul.sharma@acme-tech.example', 'Rahul Sharma'),
      row(MESSAGE_2, 'to', 'procurement-team@bluestone.example', 'procurement-team'),
      row(MESSAGE_2, 'cc', 'vikram.reddy@bluestone.example', 'Vikram Reddy'),
    ]);
  });

  it('anchors chips on the header spans, never on the avatar', () => {
    const anchors = findParticipantAnchors(doc);
    expect(anchors.map((a) => a.element.tagName)).toEqual(Array(6).fill('SPAN'));
    expect(anchors.every((a) => a.element.hasAttribute('email'))).toBe(true);
  });

  it('lists the 4 distinct people once, first role kept, addresses lower-cased', () => {
    expect(findThreadParticipants(doc, findSignedInEmail(doc))).toEqual([
      participant(MESSAGE_1, 'sender', 'rahul.sharma@acme-tech.example', 'Rahul Sharma'),
      participant(MESSAGE_1, 'to', 'procurement-team@bluestone.example', 'procurement-team'),
      participant(MESSAGE_2, 'sender', 'ananya.iyer@bluestone.example', 'Ananya Iyer'),
      participant(MESSAGE_2, 'cc', 'vikram.reddy@bluestone.example', 'Vikram Reddy'),
    ]);
  });

  it('never reports the mailto: links of the message body', () => {
    const emails = findParticipantAnchors(doc).map((a) => a.email);
    for (const bodyOnly of [
      'accounts@kiran-logistics.example',
      'dispatch@kiran-logistics.example',
      'meera.joshi@kiran-logistics.example',
    ]) {
      expect(emails).not.toContain(bodyOnly);
    }
    expect(doc.querySelectorAll('.a3s a[href^="mailto:"]')).toHaveLength(3);
  });

  it('leaves out the signed-in account wherever it appears', () => {
    const emails = findThreadParticipants(doc, 'Rahul.Sharma@acme-tech.example').map(
      (p) => p.email,
    );
    expect(emails).toEqual([
      'procurement-team@bluestone.example',
      'ananya.iyer@bluestone.example',
      'vikram.reddy@bluestone.example',
    ]);
  });

  it('reads one message when given that message as the root', () => {
    const second = doc.querySelectorAll('[data-message-id]')[1]!;
    expect(findThreadParticipants(second).map((p) => p.role)).toEqual(['sender', 'to', 'to', 'cc']);
  });
});

function row(messageId: string, role: ParticipantRole, email: string, name: string | null) {
  return { ...participant(messageId, role, email, name), context: 'thread' };
}
