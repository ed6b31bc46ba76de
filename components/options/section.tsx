/** What the sections of the options page share: their props, their frame, status line and switch. */
import type { ComponentChildren } from 'preact';
import type { SettingsView } from '../../lib/shared/messaging/protocol';
import { SET_BY_ORGANISATION, type ManagedKey } from '../../lib/shared/managed';

/** Whether the rep's organisation locked `key` (options shows it, read-only). */
export function lockedBy(settings: SettingsView | null, key: ManagedKey): boolean {
  return settings?.managed?.locked.includes(key) ?? false;
}

export interface SectionProps {
  settings: SettingsView | null;
  onSaved: (settings: SettingsView) => void;
}

/** What the last change did, in one sentence: saved, or why not. */
export type Outcome = { tone: 'ok' | 'warn' | 'error'; text: string } | null;

/** A card of the page: a title, one line on what it is for, its controls and its status line. */
export function Section(props: {
  id: string;
  title: string;
  intro: ComponentChildren;
  outcome: Outcome;
  children: ComponentChildren;
}) {
  return (
    <section class="card" aria-labelledby={`${props.id}-heading`}>
      <h2 id={`${props.id}-heading`}>{props.title}</h2>
      <p class="intro">{props.intro}</p>
      {props.children}
      <OutcomeLine id={`${props.id}-status`} outcome={props.outcome} />
    </section>
  );
}

export function OutcomeLine({ id, outcome }: { id?: string; outcome: Outcome }) {
  return (
    <p id={id} role="status" class={`outcome ${outcome?.tone ?? ''}`}>
      {outcome?.text}
    </p>
  );
}

/** A setting that is on or off, saved the moment it changes: the label left, the switch right. */
export function Switch(props: {
  checked: boolean;
  onChange: (checked: boolean) => void;
  label: string;
  hint?: string;
  /** Locked by the organisation: shown, not changeable, and says so in place of the hint. */
  locked?: boolean;
}) {
  const hint = props.locked ? SET_BY_ORGANISATION : props.hint;
  return (
    <label class="switch">
      <span>
        <span class="switch-label">{props.label}</span>
        {hint ? <span class="hint">{hint}</span> : null}
      </span>
      <input
        type="checkbox"
        role="switch"
        checked={props.checked}
        disabled={props.locked}
        onChange={(event) => props.onChange(event.currentTarget.checked)}
      />
    </label>
  );
}

/** Saved as you go: says "Saving…" while the worker answers, then what it said. */
export async function saving<T>(
  set: (outcome: Outcome) => void,
  action: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>,
  done: string,
): Promise<T | null> {
  set({ tone: 'ok', text: 'Saving…' });
  const answer = await action;
  set(answer.ok ? { tone: 'ok', text: done } : { tone: 'error', text: answer.error.message });
  return answer.ok ? answer.value : null;
}
