/**
 * The small button beside a participant. It exists from the moment the person is
 * detected, whatever the lookup state, so Gmail's layout shifts once, not twice: one size
 * whatever it shows (chip-styles.ts), which also leaves page script measuring it none the wiser.
 * It holds what it shows and nothing more: the score and its band, and its accessible name;
 * the card it opens lives in an extension page (components/card/), not here.
 */
import type { Ref } from 'preact';
import { BAND_WORDS, scoreBand } from '../../lib/shared/score-band';
import type { LookupState } from '../common/view-types';

export interface ChipProps {
  email: string;
  /** The display name Gmail shows, used until Vivre knows better. */
  displayName: string | null;
  lookup: LookupState;
  expanded: boolean;
  onActivate: () => void;
  /** The pointer or focus reached the chip: a click may follow, so the card can get ready. */
  onWarm?: () => void;
  buttonRef?: Ref<HTMLButtonElement>;
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
 * What the chip draws. The words are an attribute inside the closed root, drawn by CSS
 * (./Words.tsx), never text: window.find() matches text even in closed roots (and in Firefox
 * hands page script the node it found), so a score or "+ Add" as text would tell Gmail's page
 * what Vivre knows of an address it put on the page.
 */
function ChipFace({ lookup }: { lookup: LookupState }) {
  switch (lookup.status) {
    case 'loading':
      return <span class="face loading" aria-hidden="true" />;
    case 'found': {
      const score = lookup.contact.ai_score;
      return (
        <span
          class={`face score band-${scoreBand(score)}`}
          data-words={String(score)}
          aria-hidden="true"
        />
      );
    }
    case 'not_found':
      return <span class="face add" data-words="+ Add" aria-hidden="true" />;
    case 'skipped':
      return <span class="face skipped" aria-hidden="true" />;
    case 'error':
      return <span class="face error" data-words="!" aria-hidden="true" />;
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

export function Chip(props: ChipProps) {
  const { lookup } = props;
  // The same box as a chip, empty and out of the tab order and the accessibility tree.
  if (!isChipShown(lookup)) return <span class="chip gap" aria-hidden="true" />;
  const label = chipLabel(lookup, props.email, props.displayName);
  return (
    <button
      type="button"
      class="chip"
      ref={props.buttonRef}
      aria-label={label}
      title={lookup.status === 'error' ? lookup.error.message : label}
      aria-haspopup="dialog"
      aria-expanded={props.expanded}
      aria-busy={lookup.status === 'loading'}
      onClick={props.onActivate}
      onPointerEnter={props.onWarm}
      onFocus={props.onWarm}
    >
      <ChipFace lookup={lookup} />
    </button>
  );
}
