// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import {
  findExpandedMessages,
  findMessages,
  messageIdOf,
  placeInMessage,
  readMessageContent,
} from '@/lib/content/gmail/message';
import { findParticipantAnchors } from '@/lib/content/gmail/participants';
import { findSignedInEmail } from '@/lib/content/gmail/page';
import { findThreadParticipants } from '@/lib/content/gmail/thread';
import type { ParticipantRole } from '@/lib/shared/people';
import { loadFixture, participant } from './load-fixture';

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
const brief = (anchors: { email: string; role: string; context: string }[]) =>
  anchors.map(({ email, role, context }) => `${context} ${role} ${email}`);

describe('one message of a real Gmail thread (2025-08 markup)', () => {
  const doc = loadFixture('thread-expanded-2025.html');
  const ids = ['#msg-f:1840959905192440233', '#msg-f:1840966112043318467'];

  it('finds both messages, both expanded, by their ids', () => {
    expect(findMessages(doc).map(messageIdOf)).toEqual(ids);
    expect(findExpandedMessages(doc).map(messageIdOf)).toEqual(ids);
  });

  it('reads what a message says: the thread subject, its text, its sender and recipients', () => {
    const second = findMessages(doc)[1]!;
    const person = (role: ParticipantRole, email: string, name: string) =>
      participant(ids[1]!, role, email, name);
    expect(readMessageContent(second)).toEqual({
      messageId: ids[1],
      subject: 'PO-4471 – revised delivery schedule',
      bodyText:
        'Hi Rahul,\n\nConfirmed, we will receive consignment 1 on 28 Aug at the Whitefield ' +
        'warehouse. Vikram will share the gate pass.\n\nRegards,\nAnanya Iyer\nBluestone Retail LLP',
      sender: person('sender', 'ananya.iyer@bluestone.example', 'Ananya Iyer'),
      recipients: [
        person('to', 'rahul.sharma@acme-tech.example', 'Rahul Sharma'),
        person('to', 'procurement-team@bluestone.example', 'procurement-team'),
        person('cc', 'vikram.reddy@bluestone.example', 'Vikram Reddy'),
      ],
    });
  });

  it('puts "Log this email" right after the header line naming the sender', () => {
    const second = findMessages(doc)[1]!.cloneNode(true) as Element;
    const host = doc.createElement('vivre-log-email');
    placeInMessage(second, host);
    expect(host.previousElementSibling?.querySelector('[email]')?.getAttribute('email')).toBe(
      'ananya.iyer@bluestone.example',
    );
  });
});

describe('collapsed, hidden and empty messages', () => {
  const doc = loadFixture('thread-collapsed-hidden.html', 'own');
  const me = findSignedInEmail(doc);

  it('finds the expanded messages by id, not the hidden ones; only expanded ones have a body', () => {
    expect(findMessages(doc).map(messageIdOf)).toEqual(['#msg-f:4', '#msg-f:5']);
    expect(findExpandedMessages(doc).map(messageIdOf)).toEqual(['#msg-f:4', '#msg-f:5']);
    const empty = findExpandedMessages(doc)[0]!;
    expect(readMessageContent(empty)).toMatchObject({ sender: null, recipients: [] });
  });

  it('reports the collapsed sender, nothing hidden, nothing malformed, nothing quoted', () => {
    expect(findThreadParticipants(doc, me)).toEqual([
      { email: 'deepa.menon@kiran-logistics.example', name: 'Deepa Menon', role: 'sender' },
      participant('#msg-f:5', 'to', 'priya.kapoor@bluestone.example', 'Priya Kapoor'),
      participant('#msg-f:5', 'bcc', 'arjun.patel@bluestone.example', null),
    ]);
  });

  it('reports the signed-in sender only when no signed-in account is given', () => {
    expect(brief(findParticipantAnchors(doc))).toContain(
      'thread sender meenakshi.rao@bluestone.example',
    );
    expect(brief(findParticipantAnchors(doc, me)).join()).not.toContain('meenakshi');
  });
});

describe('never throws, reports what is there', () => {
  it('reads a detached message that was never in a document', () => {
    const message = document.createElement('div');
    message.setAttribute('data-message-id', '#msg-f:7');
    const sender = document.createElement('span');
    sender.setAttribute('email', 'A@B.example');
    message.append(sender);
    expect(findThreadParticipants(message)).toEqual([
      { email: 'a@b.example', name: null, role: 'sender', messageId: '#msg-f:7' },
    ]);
  });

  it('reads roles from the words of an unknown layout, e.g. a details table, each person once', () => {
    const doc = parse(`<div data-message-id="m"><span email="s@x.example">S</span>
      <table><tr><td>from:</td><td><span email="s@x.example">S</span></td></tr>
      <tr><td>to:</td><td><span email="t@x.example">T</span>, <span email="u@x.example">U</span></td></tr>
      <tr><td>cc:</td><td><span email="c@x.example">C</span></td></tr></table></div>`);
    expect(findParticipantAnchors(doc).map((a) => `${a.role} ${a.email}`)).toEqual([
      'sender s@x.example',
      'to t@x.example',
      'to u@x.example',
      'cc c@x.example',
    ]);
  });

  it('never reads people from an inbox list row (outside any message)', () => {
    const doc = parse(
      '<table><tr class="zA"><td><span class="zF" email="x@y.example" name="X">X</span></td></tr></table>',
    );
    expect(findThreadParticipants(doc)).toEqual([]);
  });
});
