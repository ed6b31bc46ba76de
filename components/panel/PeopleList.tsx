/**
 * The people on the email, compact: one row each with their AI score (or why there is none), one
 * open at a time under its row. Rows are buttons: Enter or Space opens one, the arrow keys (and
 * Home, End) move between them, so a rep goes through the people without the mouse.
 */
import type { ComponentChild } from 'preact';
import { useRef } from 'preact/hooks';
import { BAND_WORDS, scoreBand } from '../../lib/shared/score-band';
import type { LookupState } from '../common/view-types';
import type { PanelPerson } from './page-people';

const MOVES: Record<string, (at: number, last: number) => number> = {
  ArrowDown: (at, last) => Math.min(at + 1, last),
  ArrowUp: (at) => Math.max(at - 1, 0),
  Home: () => 0,
  End: (_at, last) => last,
};

/** What a row says after the name: the score in words, or why there is none. */
function PersonScore({ lookup }: { lookup: LookupState }) {
  switch (lookup.status) {
    case 'found': {
      const score = lookup.contact.ai_score;
      const band = scoreBand(score);
      return (
        <span class="person-score">
          <span class={`score band-${band}`}>{score}</span> {BAND_WORDS[band]}
        </span>
      );
    }
    case 'not_found':
      return <span class="person-score muted">Not in Vivre</span>;
    case 'loading':
      return <span class="person-score muted">Looking up…</span>;
    case 'skipped':
      return <span class="person-score muted">Not looked up</span>;
    case 'error':
      return <span class="person-score bad">{lookup.error.message}</span>;
  }
}

export function PeopleList(props: {
  people: PanelPerson[];
  /** The open person's address, or null. */
  open: string | null;
  onOpen: (email: string | null) => void;
  /** The open person's record. */
  children: (person: PanelPerson, id: string) => ComponentChild;
}) {
  const { people, open, onOpen } = props;
  const rows = useRef<Array<HTMLButtonElement | null>>([]);
  const move = (event: KeyboardEvent, at: number) => {
    const to = MOVES[event.key]?.(at, people.length - 1);
    if (to === undefined) return;
    event.preventDefault();
    rows.current[to]?.focus();
  };
  return (
    <section class="people" aria-labelledby="people-heading">
      <h2 id="people-heading">On this email</h2>
      <ul>
        {people.map((person, at) => {
          const isOpen = person.email === open;
          const id = `person-${at}`;
          const company = person.lookup.status === 'found' ? person.lookup.contact.company : null;
          return (
            <li key={person.email} class={isOpen ? 'person open' : 'person'}>
              <button
                type="button"
                class="person-row"
                ref={(row) => void (rows.current[at] = row)}
                aria-expanded={isOpen}
                aria-controls={isOpen ? id : undefined}
                onClick={() => onOpen(isOpen ? null : person.email)}
                onKeyDown={(event) => move(event, at)}
              >
                <span class="person-who">
                  <span class="person-name">{person.name ?? person.email}</span>
                  <span class="person-meta muted">{company ?? person.email}</span>
                </span>
                <PersonScore lookup={person.lookup} />
              </button>
              {isOpen && (
                <div id={id} class="record" role="region" aria-label={person.name ?? person.email}>
                  {props.children(person, id)}
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
