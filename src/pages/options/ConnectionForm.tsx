import { useState } from 'preact/hooks';
import type { SettingsView } from '../../shared/messaging/protocol';
import type { FormErrors } from '../../shared/forms/result';
import { type SettingsField, validateSettingsForm } from '../../shared/forms/settings';
import { Field } from '../../ui/Field';
import type { OptionsServices } from './services-type';
import { describeError, describeTestResult, hostRefusedMessage } from './connection-messages';

interface Props {
  settings: SettingsView | null;
  services: OptionsServices;
  onSaved: (settings: SettingsView) => void;
}

type Outcome = { tone: 'ok' | 'error'; text: string } | null;

export function ConnectionForm({ settings, services, onSaved }: Props) {
  const [apiKey, setApiKey] = useState('');
  const [workspaceId, setWorkspaceId] = useState(settings?.workspaceId ?? '');
  const [baseUrl, setBaseUrl] = useState(settings?.baseUrl ?? '');
  const [errors, setErrors] = useState<FormErrors<SettingsField>>({});
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [busy, setBusy] = useState(false);

  // Validation and the permission prompt run synchronously in the click handler:
  // Chrome shows `permissions.request` only during the user's gesture.
  function run(action: 'save' | 'test') {
    const checked = validateSettingsForm(
      { apiKey, workspaceId, baseUrl },
      Boolean(settings?.maskedKey),
    );
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
        setApiKey('');
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
      <Field
        id="api-key"
        label="API key"
        error={errors.apiKey}
        hint={
          settings?.maskedKey ? (
            <>
              Saved key: <code>{settings.maskedKey}</code>. Leave empty to keep it.
            </>
          ) : (
            'Find it in Vivre under Settings → API keys.'
          )
        }
      >
        {(control) => (
          <input
            {...control}
            type="password"
            autoComplete="off"
            spellcheck={false}
            value={apiKey}
            onInput={(event) => setApiKey(event.currentTarget.value)}
          />
        )}
      </Field>
      <Field id="workspace-id" label="Workspace ID" error={errors.workspaceId}>
        {(control) => (
          <input
            {...control}
            spellcheck={false}
            value={workspaceId}
            onInput={(event) => setWorkspaceId(event.currentTarget.value)}
          />
        )}
      </Field>
      <Field id="base-url" label="API base URL" error={errors.baseUrl}>
        {(control) => (
          <input
            {...control}
            type="url"
            spellcheck={false}
            value={baseUrl}
            onInput={(event) => setBaseUrl(event.currentTarget.value)}
          />
        )}
      </Field>
      <div class="actions">
        <button type="submit" disabled={busy}>
          Save
        </button>
        <button type="button" disabled={busy} onClick={() => run('test')}>
          Test connection
        </button>
      </div>
      <p role="status" class={outcome?.tone ?? ''}>
        {outcome?.text}
      </p>
    </form>
  );
}
