/**
 * The panel lists a page's people by the chips' rules: the sender first, then the recipients in
 * Gmail's order, each once, and nobody the chips leave out (colleagues and never-look-up people,
 * anyone while Vivre is not connected).
 */
import { describe, expect, it } from 'vitest';
import { peopleOnPage, personToOpen } from '@/components/panel/page-people';
import type { LookupResult } from '@/lib/shared/messaging/protocol';
import type { Participant } from '@/lib/shared/people';
import { found, notFound, PRIYA, RAHUL } from '../../../factories';

const person = (email: string, role: Participant['role'], name: string | null = null) => ({
  email,
  role,
  name,
});

describe('the people the panel lists', () => {
  const participants = [
    person('ops@bluestone.example', 'to', 'Ops'),
    person(RAHUL.email, 'cc'),
    person(PRIYA.email, 'sender', 'Priya K.'),
    person('nikhil@seller.example', 'to', 'Nikhil'),
    person(PRIYA.email, 'to', 'Priya K.'),
  ];
  const answers: Record<string, LookupResult> = {
    'ops@bluestone.example': notFound(),
    [RAHUL.email]: found(RAHUL),
    [PRIYA.email]: found(PRIYA),
    // The rep's colleague: the worker skips their domain, as it does for the chips.
    'nikhil@seller.example': { status: 'skipped', reason: 'never_lookup' },
  };

  it('puts the sender first, then recipients in order, each once, without colleagues', () => {
    expect(peopleOnPage(participants, answers).map((p) => p.email)).toEqual([
      PRIYA.email,
      'ops@bluestone.example',
      RAHUL.email,
    ]);
  });

  it("names each by Gmail's name, else Vivre's", () => {
    expect(peopleOnPage(participants, answers).map((p) => p.name)).toEqual([
      'Priya K.',
      'Ops',
      RAHUL.name,
    ]);
  });

  it('lists nobody while Vivre is not connected, as chips show nothing then', () => {
    const notConnected: LookupResult = {
      status: 'error',
      error: { kind: 'not_configured', message: 'Connect Vivre.' },
    };
    expect(peopleOnPage([person(RAHUL.email, 'sender')], { [RAHUL.email]: notConnected })).toEqual(
      [],
    );
  });

  it('keeps the person the rep had open when they are still there, else opens the first', () => {
    const people = peopleOnPage(participants, answers);
    expect(personToOpen(people, RAHUL.email)).toBe(RAHUL.email);
    expect(personToOpen(people, 'gone@x.example')).toBe(PRIYA.email);
    expect(personToOpen([], RAHUL.email)).toBeNull();
  });
});
