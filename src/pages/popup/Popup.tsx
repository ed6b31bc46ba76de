import { useEffect, useState } from 'preact/hooks';
import type { Answer, Status } from '../../shared/messaging/protocol';
import type { OutboxFeed } from '../../shared/storage';
import { ConnectPrompt } from './ConnectPrompt';
import { LogForm } from './LogForm';
import { OutboxPanel } from './OutboxPanel';
import type { Draft, PickedContact, PopupServices } from './services-type';
import { describeSituation, type Situation, StatusBanner } from './StatusBanner';

interface Local {
  draft: Draft | null;
  recent: PickedContact[];
}

/**
 * The toolbar popup: log a call in seconds, online or not, and see what has not synced.
 * The form appears as soon as this page's own storage is read, without waiting for
 * the worker, which may be asleep and take a few hundred milliseconds to wake.
 */
export function Popup({ services }: { services: PopupServices }) {
  const [local, setLocal] = useState<Local | null>(null);
  const [status, setStatus] = useState<Answer<Status> | null>(null);
  const [outbox, setOutbox] = useState<OutboxFeed | null>(null);

  useEffect(() => {
    const open = new AbortController();
    // The worker publishes the outbox after every change: the last version, then each new one.
    services.followOutbox(open.signal, setOutbox);
    // Opening the popup is a good moment to retry: the rep may just have come back online.
    void services.ask('flushOutbox');
    void services.ask('getStatus').then(setStatus);
    void Promise.all([services.draft.load(), services.recentContacts.load()]).then(
      ([draft, recent]) => setLocal({ draft, recent }),
    );
    return () => open.abort();
  }, []);

  useEffect(() => {
    if (local) services.markInteractive();
  }, [local]);

  const notConfigured =
    status && (status.ok ? !status.value.configured : status.error.kind === 'not_configured');
  if (notConfigured) return <ConnectPrompt openOptions={services.openOptions} />;
  if (!local) return <p class="loading">Loading…</p>;

  const situation: Situation | null = !status
    ? null
    : status.ok
      ? describeSituation(status.value, outbox)
      : { banner: status.error.message, disabledReason: null, needsOptions: false };
  return (
    <main>
      <h1 class="visually-hidden">Log to Vivre</h1>
      {situation ? <StatusBanner situation={situation} openOptions={services.openOptions} /> : null}
      <LogForm
        services={services}
        draft={local.draft}
        recent={local.recent}
        disabledReason={situation ? situation.disabledReason : undefined}
      />
      <OutboxPanel outbox={outbox} ask={services.ask} />
    </main>
  );
}
