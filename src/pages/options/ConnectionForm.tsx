import { useState } from 'preact/hooks';
import type { FormErrors } from '../../shared/forms/result';
import {
  type SettingsField,
  type SettingsFormValues,
  validateSettingsForm,
} from '../../shared/forms/settings';
import { TextField } from '../../ui/Field';
import type { OptionsServices } from './services-type';
import { describeError, describeTestResult, hostRefusedMessage } from './connection-messages';
import { OutcomeLine, type Outcome, type SectionProps } from './section';

type Props = SectionProps & { services: OptionsServices };

export function ConnectionForm({ settings, services, onSaved }: Props) {
  const [values, setValues] = useState<SettingsFormValues>({
    apiKey: '',
    workspaceId: settings?.workspaceId ?? '',
    baseUrl: settings?.baseUrl ?? '',
  });
  const [errors, setErrors] = useState<FormErrors<SettingsField>>({});
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [busy, setBusy] = useState(false);

  /** A field's value, what changes it, and its error: what a TextField needs. */
  const bind = (field: SettingsField) => ({
    value: values[field],
    onValue: (value: string) => setValues((all) => ({ ...all, [field]: value })),
    error: errors[field],
  });

  // Validation and the permission prompt run synchronously in the click handler:
  // Chrome shows `permissions.request` only during the user's gesture.
  function run(action: 'save' | 'test') {
    const checked = validateSettingsForm(values, settings?.maskedKey ? settings.baseUrl : null);
    setErrors(checked.ok ? {} : checked.errors);
    if (!checked.ok) {
      setOutcome({ tone: 'error', text: 'Fix the marked fields above; nothing was sent.' });
      return;
    }
    const { input } = checked;
    const access = services.requestHostAccess(input.baseUrl);
    setBusy(true);
    setOutcome(null);
    void (async () => {
      try {
        if (!(await access)) {
          setOutcome({ tone: 'error', text: hostRefusedMessage(input.baseUrl) });
          return;
        }
        if (action === 'test') {
          const answer = await services.testConnection(input);
          const text = answer.ok ? describeTestResult(answer.value) : describeError(answer.error);
          setOutcome({ tone: answer.ok && answer.value.ok ? 'ok' : 'error', text });
          return;
        }
        const answer = await services.saveSettings(input);
        if (!answer.ok) {
          const { param } = answer.error;
          if (param === 'apiKey' || param === 'workspaceId' || param === 'baseUrl') {
            setErrors({ [param]: answer.error.message });
          }
          setOutcome({ tone: 'error', text: describeError(answer.error) });
          return;
        }
        setValues((all) => ({ ...all, apiKey: '' }));
        onSaved(answer.value);
        setOutcome({ tone: 'ok', text: 'Saved.' });
      } finally {
        setBusy(false);
      }
    })();
  }

  return (
    <form
      aria-labelledby="connection-heading"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        run('save');
      }}
    >
      <h2 id="connection-heading">Connection</h2>
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
            'Find it in Vivre under Settings → API keys.'
          )
        }
        type="password"
        autoComplete="off"
        spellcheck={false}
        {...bind('apiKey')}
      />
      <TextField
        id="workspace-id"
        label="Workspace ID"
        spellcheck={false}
        {...bind('workspaceId')}
      />
      <TextField
        id="base-url"
        label="API base URL"
        type="url"
        spellcheck={false}
        {...bind('baseUrl')}
      />
      <div class="actions">
        <button type="submit" disabled={busy}>
          Save
        </button>
        <button type="button" disabled={busy} onClick={() => run('test')}>
          Test connection
        </button>
      </div>
      <OutcomeLine outcome={outcome} />
    </form>
  );
}
