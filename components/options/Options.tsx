import { useEffect, useState } from 'preact/hooks';
import type { RepError, SettingsView } from '../../lib/shared/messaging/protocol';
import { DEFAULT_INBOX_LIST } from '../../lib/shared/inbox-list';
import { VivreMark } from '../common/VivreMark';
import { AppLinkForm } from './AppLinkForm';
import { ConnectionForm } from './ConnectionForm';
import { EmailLoggingForm } from './EmailLoggingForm';
import { InboxListForm } from './InboxListForm';
import { PrivacyForm } from './PrivacyForm';
import type { OptionsServices } from './services-type';

/**
 * The options page: connect once (tested before it is kept), then settings that save as you
 * change them, each section saying in one sentence what happened.
 */
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

  return (
    <>
      <header class="top">
        <VivreMark size={32} />
        <h1>
          Vivre for Gmail <span class="muted">Settings</span>
        </h1>
      </header>
      {loaded ? (
        <main>
          {loadError ? (
            <p role="alert" class="banner error">
              Your saved settings couldn’t be read, so the page shows the defaults:{' '}
              {loadError.message}
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
          <InboxListForm
            initial={settings?.inboxList ?? DEFAULT_INBOX_LIST}
            save={services.saveInboxList}
          />
          <AppLinkForm
            appUrl={settings?.appUrl ?? null}
            baseUrl={settings?.baseUrl ?? ''}
            save={services.saveAppUrl}
          />
          <footer>
            {/* public/privacy.html, shipped in the extension: opens offline, never from the web. */}
            <a href="/privacy.html" target="_blank" rel="noopener">
              Privacy: what leaves your browser
            </a>
          </footer>
        </main>
      ) : (
        <main>
          <p class="muted">Loading your settings…</p>
        </main>
      )}
    </>
  );
}
