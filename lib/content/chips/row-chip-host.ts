/**
 * One list-row chip, `<vivre-row-chip data-vivre-host data-vivre-email>`, and one hot-lead mark,
 * `<vivre-hot-lead data-vivre-host>`. Plain DOM, no Preact: a page of rows mounts a hundred of
 * them in one frame, and each shows one number. Neither is a tab stop (Gmail's rows are reached
 * with its own keys); each holds an image with an accessible name a screen reader reads in the row.
 *
 * Gmail's page script can add a row for any address it likes and read what our hosts say, so a
 * host says nothing Vivre knows: its attributes are the address the row itself shows and Gmail's
 * theme, and they never change with the answer. The name, the score and the band are inside the
 * closed root; the score is drawn by CSS from an attribute there (components/gmail/Words.tsx), so `window.find()` (which
 * matches text even in closed roots, and in Firefox hands page script the node it found) finds
 * no number, and every box has one fixed size. The mark is there for every row with a chip,
 * blank unless the row's hottest person is a hot lead, so its presence tells nothing either.
 */
import { BAND_WORDS, scoreBand } from '../../shared/score-band';
import type { LookupState } from '../../../components/common/view-types';
import type { Theme } from '../gmail/page';
import { styleRowShadow } from '../../../components/gmail/row-chip-style';

export interface RowChipHost {
  element: HTMLElement;
  email: string;
  show(state: LookupState): void;
  destroy(): void;
}

function createHost(doc: Document, tag: string, theme: Theme) {
  const element = doc.createElement(tag);
  element.setAttribute('data-vivre-host', '');
  element.setAttribute('data-theme', theme);
  // Closed like every root of ours: Gmail's page script has no way in.
  const shadow = element.attachShadow({ mode: 'closed' });
  styleRowShadow(shadow);
  const face = doc.createElement('span');
  shadow.append(face);
  return { element, face };
}

/** What the chip says to a screen reader: the same words as the thread chip's. */
export function rowChipLabel(state: LookupState, email: string, name: string | null): string {
  const who = name ?? email;
  switch (state.status) {
    case 'loading':
      return `Vivre: looking up ${who}`;
    case 'found': {
      const { name: contactName, ai_score: score } = state.contact;
      return `Vivre: ${contactName}, AI score ${score}, ${BAND_WORDS[scoreBand(score)].toLowerCase()}`;
    }
    case 'not_found':
      return `Vivre: ${who} is not in Vivre`;
    case 'skipped':
      return `Vivre: ${who} not looked up`;
    case 'error':
      return `Vivre: could not look up ${who}. ${state.error.message}`;
  }
}

export function createRowChipHost(
  doc: Document,
  person: { email: string; name: string | null },
  theme: Theme,
): RowChipHost {
  const { element, face } = createHost(doc, 'vivre-row-chip', theme);
  element.setAttribute('data-vivre-email', person.email);
  face.setAttribute('role', 'img');
  return {
    element,
    email: person.email,
    show(state) {
      face.setAttribute('aria-label', rowChipLabel(state, person.email, person.name));
      const score = state.status === 'found' ? state.contact.ai_score : null;
      face.className =
        score === null
          ? `chip ${state.status === 'loading' ? 'loading' : 'none'}`
          : `chip band-${scoreBand(score)}`;
      face.setAttribute('data-words', score === null ? '' : String(score));
    },
    destroy: () => element.remove(),
  };
}

/** The mark at the start of a row: drawn and named while its hottest person is a hot lead. */
export function createHotLeadMark(doc: Document, theme: Theme) {
  const { element, face } = createHost(doc, 'vivre-hot-lead', theme);
  return {
    element,
    /** `who`: the hottest person of the row, as "Name, AI score 87"; null: nobody hot. */
    show(who: string | null) {
      face.className = who ? 'mark' : '';
      if (who) {
        face.setAttribute('role', 'img');
        face.setAttribute('aria-label', `Hot lead: ${who}`);
      } else {
        face.removeAttribute('role');
        face.removeAttribute('aria-label');
      }
    },
  };
}
