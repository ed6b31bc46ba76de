import { useRef, useState } from 'preact/hooks';
import { validateAppUrl } from '../../lib/shared/forms/settings';
import type { Answer } from '../../lib/shared/messaging/protocol';
import { appUrlFor } from '../../lib/shared/vivre/base-url';
import { TextField } from '../common/Field';
import { Section, type Outcome } from './section';

interface Props {
  /** The address the rep set, or null: derived from the API's. */
  appUrl: string | null;
  baseUrl: string;
  save: (appUrl: string | null) => Promise<Answer<string | null>>;
}

/** Where the card's "Open in Vivre" goes: the Vivre web app, saved when the rep leaves the field. */
export function AppLinkForm({ appUrl, baseUrl, save }: Props) {
  const [text, setText] = useState(appUrl ?? '');
  // A ref: a blur right after a save must compare with what was just saved.
  const saved = useRef(appUrl ?? '');
  const [error, setError] = useState<string>();
  const [outcome, setOutcome] = useState<Outcome>(null);
  const derived = appUrlFor(baseUrl);

  async function commit() {
    const checked = validateAppUrl(text);
    setError(checked.ok ? undefined : checked.message);
    if (!checked.ok) {
      setOutcome({ tone: 'error', text: 'Fix the address above; it isn’t saved yet.' });
      return;
    }
    if ((checked.value ?? '') === saved.current) return;
    const answer = await save(checked.value);
    if (!answer.ok) {
      setOutcome({ tone: 'error', text: `The address isn’t saved: ${answer.error.message}` });
      return;
    }
    saved.current = checked.value ?? '';
    setText(checked.value ?? '');
    setOutcome({
      tone: 'ok',
      text: checked.value
        ? 'Saved.'
        : `Saved: links go to ${derived ?? 'the address beside the API'}.`,
    });
  }

  return (
    <Section
      id="app-link"
      title="Open in Vivre"
      intro="Where the contact card’s “Open in Vivre” link takes you."
      outcome={outcome}
    >
      <TextField
        id="app-url"
        label="Vivre web app address"
        type="url"
        spellcheck={false}
        hint={`Leave empty to use ${derived ?? 'the address beside the API'}.`}
        error={error}
        value={text}
        onValue={setText}
        onBlur={() => void commit()}
      />
    </Section>
  );
}
