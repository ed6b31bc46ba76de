import { useEffect, useState } from 'preact/hooks';
import type { RepError, SettingsView } from '../../shared/messaging/protocol';
import { ConnectionForm } from './ConnectionForm';
import { EmailLoggingForm } from './EmailLoggingForm';
import { InboxListForm } from './InboxListForm';
import { PrivacyForm } from './PrivacyForm';
import type { OptionsServices } from './services-type';

/** The options page: connect once, set privacy, and forget about it. */
export function Options({ services }: { services: OptionsServices }) {
  const [settings, setSettings] = useState<SettingsView | null>(null);
  const [loadError, setLoadError] = useState<RepError | null>(null);
  const [loaded, setLoaded] = useState(false);

  useEffect(() => {
    void services.getSettings().then((answer) => {
      if (answer.ok) setSettings(answer.value);
      else setLoadError(answer.error);
      setLoaded(true);
    });
  }, [services]);

  if (!loaded) return <p>Loading your settings…</p>;
  return (
    <main>
      <h1>Vivre for Gmail</h1>
      {loadError ? (
        <p role="alert" class="error">
          Your saved settings couldn’t be read: {loadError.message}
        </p>
      ) : null}
      <ConnectionForm settings={settings} services={services} onSaved={setSettings} />
      <PrivacyForm settings={settings} services={services} onSaved={setSettings} />
      <EmailLoggingForm
        settings={settings}
        save={services.saveEmailLogging}
        onSaved={setSettings}
        allowEmailText={async () => {
          const allowed = await services.allowEmailText();
          const fresh = await services.getSettings();
          if (fresh.ok) setSettings(fresh.value);
          return allowed;
        }}
      />
      <InboxListForm load={services.loadInboxList} save={services.saveInboxList} />
      <footer>
        {/* public/privacy.html, shipped in the extension: opens offline, never from the web. */}
        <a href="/privacy.html" target="_blank" rel="noopener">
          Privacy: what leaves your browser
        </a>
      </footer>
    </main>
  );
}
