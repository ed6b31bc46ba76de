import { useEffect, useState } from 'preact/hooks';
import type { Answer, OutboxSummary, Status } from '../../lib/messaging/protocol';
import { ConnectPrompt } from './ConnectPrompt';
import { LogForm } from './LogForm';
import { OutboxPanel } from './OutboxPanel';
import type { Draft, PickedContact, PopupServices } from './services';
import { describeSituation, type Situation, StatusBanner } from './StatusBanner';

interface Boot {
  status: Answer<Status>;
  draft: Draft | null;
  recent: PickedContact[];
}

/** The toolbar popup: log a call in seconds, online or not, and see what has not synced. */
export function Popup({ services }: { services: PopupServices }) {
  const [boot, setBoot] = useState<Boot | null>(null);
  const [outbox, setOutbox] = useState<OutboxSummary | null>(null);

  useEffect(() => {
    const refreshOutbox = () =>
      services.ask('getOutbox').then((answer) => answer.ok && setOutbox(answer.value));
    // Opening the popup is a good moment to retry: the rep may just have come back online.
    void services.ask('flushOutbox').then(refreshOutbox);
    void refreshOutbox();
    void Promise.all([
      services.ask('getStatus'),
      services.draft.load(),
      services.recentContacts.load(),
    ]).then(([status, draft, recent]) => setBoot({ status, draft, recent }));
  }, []);

  useEffect(() => {
    if (boot) services.markInteractive();
  }, [boot]);

  if (!boot) return <p class="loading">Loading…</p>;
  const { status } = boot;
  const notConfigured = status.ok
    ? !status.value.configured
    : status.error.kind === 'not_configured';
  if (notConfigured) return <ConnectPrompt openOptions={services.openOptions} />;

  const situation: Situation = status.ok
    ? describeSituation(status.value, outbox)
    : { banner: status.error.message, disabledReason: null, needsOptions: false };
  return (
    <main>
      <h1 class="visually-hidden">Log to Vivre</h1>
      <StatusBanner situation={situation} openOptions={services.openOptions} />
      <LogForm
        services={services}
        draft={boot.draft}
        recent={boot.recent}
        disabledReason={situation.disabledReason}
        onOutbox={setOutbox}
      />
      <OutboxPanel outbox={outbox} ask={services.ask} onOutbox={setOutbox} />
    </main>
  );
}
