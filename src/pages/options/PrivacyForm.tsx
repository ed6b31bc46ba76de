import { useState } from 'preact/hooks';
import { parseNeverLookup } from '../../shared/forms/never-lookup';
import { TextField } from '../../ui/Field';
import type { OptionsServices } from './services-type';
import { describeError } from './connection-messages';
import { Checkbox, OutcomeLine, type Outcome, type SectionProps } from './section';

type Props = SectionProps & { services: OptionsServices };

export function PrivacyForm({ settings, services, onSaved }: Props) {
  const [autoLookup, setAutoLookup] = useState(settings?.autoLookup ?? true);
  const [neverLookup, setNeverLookup] = useState((settings?.neverLookup ?? []).join('\n'));
  const [error, setError] = useState<string>();
  const [outcome, setOutcome] = useState<Outcome>(null);

  async function save(event: Event) {
    event.preventDefault();
    const parsed = parseNeverLookup(neverLookup);
    setError(parsed.ok ? undefined : parsed.message);
    if (!parsed.ok) {
      setOutcome({ tone: 'error', text: 'Fix the list above; nothing was saved.' });
      return;
    }
    const answer = await services.savePrivacy({ autoLookup, neverLookup: parsed.value });
    if (!answer.ok) {
      setOutcome({ tone: 'error', text: describeError(answer.error) });
      return;
    }
    setNeverLookup(answer.value.neverLookup.join('\n'));
    onSaved(answer.value);
    setOutcome({ tone: 'ok', text: 'Privacy settings saved.' });
  }

  async function clearCache() {
    const answer = await services.clearContactCache();
    setOutcome(
      answer.ok
        ? { tone: 'ok', text: 'Cached contacts cleared. They’ll be fetched again as needed.' }
        : { tone: 'error', text: describeError(answer.error) },
    );
  }

  return (
    <form aria-labelledby="privacy-heading" noValidate onSubmit={save}>
      <h2 id="privacy-heading">Privacy</h2>
      <Checkbox checked={autoLookup} onChange={setAutoLookup}>
        Look people up in Vivre automatically when I open an email
      </Checkbox>
      <TextField
        id="never-lookup"
        label="Never look up"
        error={error}
        hint="One address or domain per line, like colleague@mycompany.com or mycompany.com. Your own domain is here so colleagues aren’t looked up."
        rows={5}
        spellcheck={false}
        value={neverLookup}
        onValue={setNeverLookup}
      />
      <div class="actions">
        <button type="submit">Save privacy settings</button>
        <button type="button" onClick={() => void clearCache()}>
          Clear cached contacts
        </button>
      </div>
      <OutcomeLine outcome={outcome} />
    </form>
  );
}
