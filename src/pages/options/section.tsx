/** What the sections of the options page share: their props, their outcome line, a checkbox row. */
import type { ComponentChildren } from 'preact';
import type { SettingsView } from '../../shared/messaging/protocol';

export interface SectionProps {
  settings: SettingsView | null;
  onSaved: (settings: SettingsView) => void;
}

/** What the last save or test did, said in the section's status line. */
export type Outcome = { tone: 'ok' | 'error'; text: string } | null;

export function OutcomeLine({ outcome }: { outcome: Outcome }) {
  return (
    <p role="status" class={outcome?.tone ?? ''}>
      {outcome?.text}
    </p>
  );
}

export function Checkbox(props: {
  checked: boolean;
  onChange: (checked: boolean) => void;
  children: ComponentChildren;
}) {
  return (
    <label class="checkbox">
      <input
        type="checkbox"
        checked={props.checked}
        onChange={(event) => props.onChange(event.currentTarget.checked)}
      />
      {props.children}
    </label>
  );
}
