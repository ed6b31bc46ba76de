import { useEffect, useLayoutEffect, useState } from 'preact/hooks';
import type { Answer, Status } from '../../lib/shared/messaging/protocol';
import type { ConnectionRecord, OutboxFeed } from '../../lib/shared/storage/table';
import { ConnectPrompt } from './ConnectPrompt';
import { LogForm } from './LogForm';
import { OutboxPanel } from './OutboxPanel';
import { PopupHeader } from './PopupHeader';
import type { LocalState, PickedContact, PopupServices } from './services-type';
import { describeSituation, liveStatus } from './situation';
import { StatusBanner } from './StatusBanner';

/**
 * The toolbar popup: log a call in seconds, online or not, and see what has not synced.
 * It renders from this browser's own storage first (draft, recent contacts, the outbox and
 * connection as the worker last published them) and only then asks the worker, which may be
 * asleep and take a few hundred milliseconds to wake. After that it follows the worker's
 * publications, so what it says about the connection and the outbox stays true while open.
 */
export function Popup({ services }: { services: PopupServices }) {
  // Read at open, usually back before this script ran: then the first render is the form.
  const [first] = useState(() => services.localIfRead());
  const [local, setLocal] = useState<LocalState | null>(first);
  const [answer, setAnswer] = useState<Answer<Status> | null>(null);
  const [outbox, setOutbox] = useState<OutboxFeed | null>(first?.outbox ?? null);
  const [record, setRecord] = useState<ConnectionRecord | null>(first?.connection ?? null);
  const [names, setNames] = useState<Record<string, string>>(() => (first ? namesOf(first) : {}));

  // Otherwise asked for during the first render, not in an effect: Preact runs effects only
  // after the next frame, and this read is all the popup waits for before it is usable.
  const [starting] = useState(() => (first ? null : services.loadLocal()));
  useLayoutEffect(() => {
    void starting?.then((state) => {
      setOutbox(state.outbox);
      setRecord(state.connection);
      setNames(namesOf(state));
      setLocal(state);
    });
  }, []);

  // Layout effects run once the form is in the DOM, after its fields took focus. The whole form
  // renders at once, not a part a frame later: Chrome keeps a toolbar popup hidden, so without
  // animation frames, until its load event, then sizes it to what is there and shows it, so a
  // part drawn a frame later opened it short and it grew (measured with chrome.action.openPopup).
  useLayoutEffect(() => {
    if (local) services.markInteractive();
  }, [local !== null]);

  useEffect(() => {
    if (!local) return;
    const open = new AbortController();
    services.followOutbox(open.signal, setOutbox);
    services.followConnection(open.signal, setRecord);
    // Back online, or just opened: a good moment for the outbox to try again.
    services.onOnline(open.signal, () => void services.ask('flushOutbox'));
    void services.ask('flushOutbox');
    void services.ask('getStatus').then(setAnswer);
    return () => open.abort();
  }, [local !== null]);

  if (!local || !record) return null;
  const status = liveStatus(answer, record, outbox);
  if (status.configured === false) return <ConnectPrompt openOptions={services.openOptions} />;
  const situation = describeSituation(status, outbox);
  return (
    <>
      <PopupHeader
        workspace={status.workspaceName ?? status.workspaceId}
        openOptions={services.openOptions}
        openPanel={services.openPanel}
      />
      <main>
        <StatusBanner
          situation={situation}
          openOptions={services.openOptions}
          retryNow={() => void services.ask('flushOutbox')}
        />
        <LogForm
          services={{
            ...services,
            rememberContact: async (contact) => {
              setNames((known) => ({ ...known, [contact.id]: contact.name }));
              await services.rememberContact(contact);
            },
          }}
          draft={local.draft}
          recent={local.recent}
          outbox={outbox}
          offline={status.connection === 'offline'}
          appUrl={status.appUrl}
          disabledReason={status.configured === null ? undefined : situation.disabledReason}
        />
        <OutboxPanel outbox={outbox} names={names} ask={services.ask} />
      </main>
    </>
  );
}

const byId = (contacts: PickedContact[]) => Object.fromEntries(contacts.map((c) => [c.id, c.name]));
const namesOf = (state: LocalState) => ({ ...byId(state.recent), ...state.names });
