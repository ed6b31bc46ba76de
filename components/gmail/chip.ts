/**
 * The small button beside a participant. It exists from the moment the person is
 * detected, whatever the lookup state, so Gmail's layout shifts once, not twice: one size
 * whatever it shows (chip-styles.ts), which also leaves page script measuring it none the wiser.
 * It holds what it shows and nothing more: the score and its band, and its accessible name;
 * the card it opens lives in an extension page (components/card/), not here.
 *
 * Plain DOM, no Preact: every Gmail tab draws chips, and a button with one face does not need a
 * framework's 5 kB in the always-loaded content script (bench/sizes.ts). No innerHTML (Gmail
 * enforces Trusted Types, and contact data is untrusted): attributes and class names only.
 */
import { BAND_WORDS, scoreBand } from '../../lib/shared/score-band';
import type { LookupState } from '../common/view-types';

export interface ChipOptions {
  email: string;
  /** The display name Gmail shows, used until Vivre knows better. */
  displayName: string | null;
  onActivate: () => void;
  /** The pointer or focus reached the chip: a click may follow, so the card can get ready. */
  onWarm?: () => void;
}

export interface Chip {
  /** What the root holds while the chip is shown (`isChipShown`)… */
  button: HTMLButtonElement;
  /** …and while it is not: the same box, empty, out of the tab order and the accessibility tree. */
  gap: HTMLElement;
  show(lookup: LookupState): void;
  setExpanded(expanded: boolean): void;
}

/** The chip's accessible name: what a screen reader (and an E2E test) finds it by. */
function chipLabel(lookup: LookupState, email: string, displayName: string | null): string {
  const who = displayName ?? email;
  switch (lookup.status) {
    case 'loading':
      return `Vivre: looking up ${who}`;
    case 'found': {
      const { name, ai_score: score } = lookup.contact;
      return `Vivre: ${name}, AI score ${score}, ${BAND_WORDS[scoreBand(score)].toLowerCase()}`;
    }
    case 'not_found':
      return `Vivre: ${who} is not in Vivre`;
    case 'skipped':
      return `Vivre: ${who} not looked up, automatic lookups are off`;
    case 'error':
      return `Vivre: could not look up ${who}. ${lookup.error.message}`;
  }
}

/**
 * What the chip's face draws: its class and its words. The words are an attribute inside the
 * closed root, drawn by CSS (./Words.tsx), never text: window.find() matches text even in closed
 * roots (and in Firefox hands page script the node it found), so a score or "+ Add" as text would
 * tell Gmail's page what Vivre knows of an address it put on the page.
 */
function faceOf(lookup: LookupState): [className: string, words: string | null] {
  switch (lookup.status) {
    case 'found': {
      const score = lookup.contact.ai_score;
      return [`face score band-${scoreBand(score)}`, String(score)];
    }
    case 'not_found':
      return ['face add', '+ Add'];
    case 'error':
      return ['face error', '!'];
    default:
      return [`face ${lookup.status}`, null];
  }
}

/**
 * Whether a person gets a chip at all. Colleagues and other never-look-up people get none: an
 * empty tab stop beside every teammate would only slow the rep down. Nor does anyone while Vivre
 * is not connected: a grey "!" beside every person says nothing the toolbar popup's one "Connect"
 * does not. With lookups turned off a muted dot stays, so the rep can still reach the card and
 * turn them back on.
 */
export function isChipShown(lookup: LookupState): boolean {
  if (lookup.status === 'skipped') return lookup.reason !== 'never_lookup';
  return !(lookup.status === 'error' && lookup.error.kind === 'not_configured');
}

/**
 * Whether the chip's host leaves Gmail's line too (no margin, no gap). Only where that tells
 * Gmail's page nothing it does not know: Vivre not connected, or a colleague (the rep's own
 * company domain, which Gmail shows). An address the rep listed as never looked up keeps a host
 * of the same size with nothing drawn in it: a hidden or narrower host would hand page script
 * the rep's never-look-up list.
 */
export function hidesHost(lookup: LookupState, colleague: boolean): boolean {
  if (lookup.status === 'skipped') return lookup.reason === 'never_lookup' && colleague;
  return !isChipShown(lookup);
}

export function createChip(doc: Document, options: ChipOptions): Chip {
  const button = doc.createElement('button');
  button.type = 'button';
  button.className = 'chip';
  button.setAttribute('aria-haspopup', 'dialog');
  button.setAttribute('aria-expanded', 'false');
  const face = doc.createElement('span');
  face.setAttribute('aria-hidden', 'true');
  button.append(face);
  const gap = doc.createElement('span');
  gap.className = 'chip gap';
  gap.setAttribute('aria-hidden', 'true');
  button.addEventListener('click', () => options.onActivate());
  if (options.onWarm) {
    button.addEventListener('pointerenter', options.onWarm);
    button.addEventListener('focus', options.onWarm);
  }
  return {
    button,
    gap,
    show(lookup) {
      const label = chipLabel(lookup, options.email, options.displayName);
      button.setAttribute('aria-label', label);
      button.title = lookup.status === 'error' ? lookup.error.message : label;
      button.setAttribute('aria-busy', String(lookup.status === 'loading'));
      const [className, words] = faceOf(lookup);
      face.className = className;
      if (words === null) face.removeAttribute('data-words');
      else face.setAttribute('data-words', words);
    },
    setExpanded: (expanded) => button.setAttribute('aria-expanded', String(expanded)),
  };
}
