/**
 * What the panel shows of the tab it follows. A Gmail thread or compose: its people outside the
 * rep's company (./page-people.ts), the first open. The inbox: nobody open, and the search. Any
 * other tab: the search. A thread or compose Vivre cannot read: it says so, offers the subject
 * for the note as the popup does, lists whoever the title names, and the search. A contact picked
 * in the search is shown whole until the rep goes back or the tab changes.
 */
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { OutboxFeed, PickedContact } from '../../lib/shared/storage/table';
import type { LookupState } from '../common/view-types';
import { pickContact } from '../popup/services-type';
import { UnreadableViewNotice } from '../popup/UnreadableViewNotice';
import { personToOpen } from './page-people';
import { PanelSearch } from './PanelSearch';
import { PeopleList } from './PeopleList';
import { PersonRecord } from './PersonRecord';
import type { FollowedTab, PanelServices } from './services-type';
import { usePagePeople, type PagePeople } from './use-page-people';

const NOT_LOOKED_UP: LookupState = { status: 'loading' };

export function FollowedTabView(props: {
  tab: FollowedTab | undefined;
  services: PanelServices;
  outbox: OutboxFeed | null;
  offline: boolean;
}) {
  const { services, outbox } = props;
  const { shown, refresh } = usePagePeople(props.tab?.page, services.ask);
  // Who the rep opened, on which page (null: they closed everyone there).
  const [opened, setOpened] = useState<{ on: PagePeople; email: string | null } | null>(null);
  // What was picked in the search, or seeded for the note, holds for the page it was made on:
  // another tab or thread drops it (kept with its page, so no render shows it for the next one).
  const [picked, setPicked] = useState<{ on: PagePeople; contact: PickedContact | null } | null>(
    null,
  );
  const [seeded, setSeeded] = useState<{ on: PagePeople; note: string } | null>(null);
  const drawnOnce = useRef(false);

  useLayoutEffect(() => {
    if (!shown?.people.length) return;
    services.mark(drawnOnce.current ? 'redrawn' : 'first-drawn');
    drawnOnce.current = true;
  }, [shown]);

  if (shown === undefined) return <p class="muted">Looking at the tab beside this panel…</p>;
  const { page, people } = shown;
  const chosen = picked?.on === shown ? picked.contact : null;
  const noteSeed = seeded?.on === shown ? seeded.note : undefined;
  const setChosen = (contact: PickedContact | null) => setPicked({ on: shown, contact });
  // On another page, the person open before if still there, else the first (its sender).
  const open = opened?.on === shown ? opened.email : personToOpen(people, opened?.email ?? null);
  const found = people.flatMap((p) =>
    p.lookup.status === 'found' ? [pickContact(p.lookup.contact)] : [],
  );
  const search = (
    <PanelSearch
      chosen={chosen}
      onChoose={setChosen}
      onPage={found}
      ask={services.ask}
      offline={props.offline}
    />
  );
  const record = (email: string, name: string | null, lookup: LookupState, id: string) => (
    <PersonRecord
      key={email}
      id={id}
      email={email}
      name={name}
      lookup={lookup}
      services={services}
      outbox={outbox}
      noteSeed={noteSeed}
      onChanged={refresh}
    />
  );

  if (chosen) {
    return (
      <>
        {search}
        <section class="chosen record" aria-label={chosen.name}>
          <h2>{chosen.name}</h2>
          {record(chosen.email, chosen.name, NOT_LOOKED_UP, 'chosen')}
          {people.length > 0 && (
            <button type="button" class="text" onClick={() => setChosen(null)}>
              Back to the people on this email
            </button>
          )}
        </section>
      </>
    );
  }
  return (
    <>
      {page && (
        <UnreadableViewNotice page={page} onUseSubject={(note) => setSeeded({ on: shown, note })} />
      )}
      {noteSeed && (
        <p class="muted" role="status">
          The subject will start the note you log.
        </p>
      )}
      {people.length > 0 ? (
        <PeopleList people={people} open={open} onOpen={(email) => setOpened({ on: shown, email })}>
          {(person, id) => record(person.email, person.name, person.lookup, id)}
        </PeopleList>
      ) : (
        <p class="muted">{emptyLine(shown.page)}</p>
      )}
      {search}
    </>
  );
}

/** Why nobody is listed, in a sentence. */
function emptyLine(page: FollowedTab['page']): string {
  if (!page) return 'Open an email in Gmail to see its people here, or find anyone in Vivre.';
  if (page.unreadable) return 'Find the people on this email in Vivre.';
  if (page.participants.length === 0) return 'No email is open in this tab.';
  return 'Nobody outside your company is on this email.';
}
