import { useState } from 'preact/hooks';
import { parseNeverLookup } from '../../lib/shared/forms/never-lookup';
import { TextField } from '../common/Field';
import type { OptionsServices } from './services-type';
import { lockedBy, Section, saving, Switch, type Outcome, type SectionProps } from './section';
import { SET_BY_ORGANISATION } from '../../lib/shared/managed';

type Props = SectionProps & { services: OptionsServices };

/** Who is looked up: saved as you go (the switch at once, the list when you leave it). */
export function PrivacyForm({ settings, services, onSaved }: Props) {
  const [autoLookup, setAutoLookup] = useState(settings?.autoLookup ?? true);
  const savedList = (settings?.neverLookup ?? []).join('\n');
  const [neverLookup, setNeverLookup] = useState(savedList);
  const [error, setError] = useState<string>();
  const [outcome, setOutcome] = useState<Outcome>(null);
  const organisationList = settings?.managed?.neverLookup ?? [];
  const listLocked = lockedBy(settings, 'neverLookup');

  async function save(auto: boolean, list: string[]) {
    const view = await saving(
      setOutcome,
      services.savePrivacy({ autoLookup: auto, neverLookup: list }),
      'Saved.',
    );
    if (!view) return;
    setNeverLookup(view.neverLookup.join('\n'));
    onSaved(view);
  }

  function saveList() {
    if (neverLookup === savedList) return;
    const parsed = parseNeverLookup(neverLookup);
    setError(parsed.ok ? undefined : parsed.message);
    if (!parsed.ok) setOutcome({ tone: 'error', text: 'Fix the list above; it isn’t saved yet.' });
    else void save(autoLookup, parsed.value);
  }

  function clearCache() {
    void saving(
      setOutcome,
      services.clearContactCache(),
      'Cached contacts cleared; they’ll be fetched again as needed.',
    );
  }

  return (
    <Section
      id="privacy"
      title="Privacy"
      intro="Who Vivre looks up when you open an email. Saved as you change it."
      outcome={outcome}
    >
      <Switch
        checked={autoLookup}
        label="Look people up in Vivre automatically when I open an email"
        hint="Off: no one is looked up until you log an email."
        locked={lockedBy(settings, 'autoLookup')}
        onChange={(checked) => {
          setAutoLookup(checked);
          void save(checked, settings?.neverLookup ?? []);
        }}
      />
      <TextField
        id="never-lookup"
        label="Never look up"
        error={error}
        hint={
          <>
            {listLocked
              ? `${SET_BY_ORGANISATION}: your list can’t be changed.`
              : 'One address or domain per line, like colleague@mycompany.com or mycompany.com. Your own domain is here so colleagues aren’t looked up; emails to them are never logged either.'}
            {organisationList.length ? (
              <span id="organisation-never-lookup">
                {' '}
                Your organisation also never looks up: {organisationList.join(', ')}.
              </span>
            ) : null}
          </>
        }
        readOnly={listLocked}
        rows={4}
        spellcheck={false}
        value={neverLookup}
        onValue={setNeverLookup}
        onBlur={saveList}
      />
      <div class="actions">
        <button type="button" class="tonal" onClick={clearCache}>
          Clear cached contacts
        </button>
      </div>
    </Section>
  );
}
