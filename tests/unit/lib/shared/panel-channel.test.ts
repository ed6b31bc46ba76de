/**
 * The panel reads what a Gmail tab's content script tells it before using any of it: what was read
 * from Gmail's page, which Gmail's own script can rewrite, arrives as data to check, not as trust.
 */
import { describe, expect, it } from 'vitest';
import { readToPanel } from '@/lib/shared/panel-channel';

const page = {
  participants: [
    { email: 'Rahul.Sharma@Acme-Tech.example', name: 'Rahul Sharma', role: 'sender' },
    { email: 'ops@bluestone.example', name: null, role: 'cc' },
  ],
  subject: 'PO-4471 – revised delivery schedule',
  unreadable: null,
  signedIn: 'meenakshi.rao@bluestone.example',
};

describe("the panel's check of what a Gmail tab says", () => {
  it('takes a page, its addresses in the one form they are compared in', () => {
    expect(readToPanel({ type: 'page', page })).toEqual({
      ...page,
      participants: [
        { email: 'rahul.sharma@acme-tech.example', name: 'Rahul Sharma', role: 'sender' },
        { email: 'ops@bluestone.example', name: null, role: 'cc' },
      ],
    });
  });

  it.each([
    ['not a page', { type: 'show', page }],
    ['no participants list', { type: 'page', page: { ...page, participants: 'all' } }],
    [
      'a participant who is not an address',
      { type: 'page', page: { ...page, participants: [{ email: 'Rahul S', role: 'to' }] } },
    ],
    [
      'a role Gmail has not',
      { type: 'page', page: { ...page, participants: [{ email: 'a@b.example', role: 'boss' }] } },
    ],
    [
      'more people than one lookup takes',
      {
        type: 'page',
        page: {
          ...page,
          participants: Array.from({ length: 201 }, (_, i) => ({
            email: `p${i}@x.example`,
            role: 'to',
          })),
        },
      },
    ],
  ])('refuses %s', (_what, message) => {
    expect(readToPanel(message)).toBeNull();
  });

  it('drops what does not fit: an overlong subject or name, an unknown view, a signed-in non-address', () => {
    const read = readToPanel({
      type: 'page',
      page: {
        ...page,
        participants: [{ email: 'a@b.example', name: 'x'.repeat(501), role: 'to' }],
        subject: 's'.repeat(501),
        unreadable: 'settings',
        signedIn: '<script>',
      },
    });
    expect(read).toEqual({
      participants: [{ email: 'a@b.example', name: null, role: 'to' }],
      subject: null,
      unreadable: null,
      signedIn: null,
    });
  });
});
