import { useState } from 'preact/hooks';
import type { FormErrors } from '../../lib/shared/forms/result';
import {
  type SettingsField,
  type SettingsFormValues,
  validateSettingsForm,
} from '../../lib/shared/forms/settings';
import type { SettingsInput } from '../../lib/shared/messaging/protocol';
import { TextField } from '../common/Field';
import type { OptionsServices } from './services-type';
import { describeConnected, describeProblem, hostRefusedMessage } from './connection-messages';
import { OutcomeLine, type Outcome, type SectionProps } from './section';

type Props = SectionProps & { services: OptionsServices };

/**
 * The key, workspace and API address are one unit: "Test and save" checks them against Vivre
 * and keeps them only when Vivre accepts them, so a wrong key is never saved. When Vivre can't
 * be reached at all, the rep may still save without the test.
 */
export function ConnectionForm({ settings, services, onSaved }: Props) {
  const [values, setValues] = useState<SettingsFormValues>({
    apiKey: '',
    workspaceId: settings?.workspaceId ?? '',
    baseUrl: settings?.baseUrl ?? '',
  });
  const [errors, setErrors] = useState<FormErrors<SettingsField>>({});
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [unreachable, setUnreachable] = useState(false);
  const [busy, setBusy] = useState(false);

  /**
   * A field's value, what changes it, and its error: what a TextField needs. None is spell-checked:
   * a key, an ID and an address are codes, not words.
   */
  const bind = (field: SettingsField) => ({
    value: values[field],
    onValue: (value: string) => setValues((all) => ({ ...all, [field]: value })),
    error: errors[field],
    spellcheck: false,
  });

  async function save(input: SettingsInput): Promise<boolean> {
    const answer = await services.saveSettings(input);
    if (answer.ok) {
      setValues((all) => ({ ...all, apiKey: '' }));
      onSaved(answer.value);
      return true;
    }
    const { param } = answer.error;
    if (param === 'apiKey' || param === 'workspaceId' || param === 'baseUrl') {
      setErrors({ [param]: answer.error.message });
    }
    setOutcome({ tone: 'error', text: describeProblem(answer.error, input) });
    return false;
  }

  // Validation and the permission prompt run synchronously in the click handler:
  // Chrome shows `permissions.request` only during the user's gesture.
  function run(testFirst: boolean) {
    const checked = validateSettingsForm(values, settings?.maskedKey ? settings.baseUrl : null);
    setErrors(checked.ok ? {} : checked.errors);
    setUnreachable(false);
    if (!checked.ok) {
      setOutcome({ tone: 'error', text: 'Fix the marked fields above; nothing was saved.' });
      return;
    }
    const { input } = checked;
    const access = services.requestHostAccess(input.baseUrl);
    setBusy(true);
    setOutcome({ tone: 'ok', text: testFirst ? 'Testing the connection…' : 'Saving…' });
    void (async () => {
      try {
        if (!(await access)) {
          setOutcome({ tone: 'error', text: hostRefusedMessage(input.baseUrl) });
          return;
        }
        if (!testFirst) {
          if (await save(input)) setOutcome({ tone: 'ok', text: 'Saved without a test.' });
          return;
        }
        const answer = await services.testConnection(input);
        const tested = answer.ok ? answer.value : { ok: false as const, error: answer.error };
        if (!tested.ok) {
          setOutcome({ tone: 'error', text: describeProblem(tested.error, input) });
          setUnreachable(tested.error.kind === 'offline');
          return;
        }
        if (await save(input)) setOutcome(describeConnected(tested));
      } finally {
        setBusy(false);
      }
    })();
  }

  return (
    <form
      class="card"
      aria-labelledby="connection-heading"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        run(true);
      }}
    >
      <h2 id="connection-heading">Connection</h2>
      <p class="intro">
        Your key and workspace ID are in Vivre under <strong>Settings → API keys</strong>. The key
        stays in this browser’s extension storage and is only ever sent to Vivre.
      </p>
      <TextField
        id="api-key"
        label="API key"
        hint={
          settings?.maskedKey ? (
            <>
              Saved key: <code>{settings.maskedKey}</code>. Leave empty to keep it; a new server
              address needs the key again.
            </>
          ) : (
            'Starts with vv_live_ (or vv_test_ for a test workspace).'
          )
        }
        type="password"
        autoComplete="off"
        {...bind('apiKey')}
      />
      <div class="pair">
        <TextField
          id="workspace-id"
          label="Workspace ID"
          placeholder="ws_…"
          {...bind('workspaceId')}
        />
        <TextField id="base-url" label="API base URL" type="url" {...bind('baseUrl')} />
      </div>
      <div class="actions">
        <button type="submit" class="filled" disabled={busy}>
          Test and save
        </button>
        {unreachable ? (
          <button type="button" class="text" disabled={busy} onClick={() => run(false)}>
            Save without testing
          </button>
        ) : null}
      </div>
      <OutcomeLine id="connection-status" outcome={outcome} />
    </form>
  );
}
