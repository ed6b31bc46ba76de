/**
 * The panel beside the email (Chrome's side panel, Firefox's sidebar, or the same page in a tab,
 * where it is the panel of its own window): the people of the tab the rep is on, one whole, and
 * the search. Like the popup it says where the connection stands (offline, key refused, read-only)
 * and follows what the worker publishes, so that stays true while it is open; it adds the outbox's
 * writes that need the rep, with the way to them.
 */
import { useLayoutEffect, useState } from 'preact/hooks';
import type { Answer, Status } from '../../lib/shared/messaging/protocol';
import { CONNECTION, type ConnectionRecord, type OutboxFeed } from '../../lib/shared/storage/table';
import { ConnectPrompt } from '../popup/ConnectPrompt';
import { PopupHeader } from '../popup/PopupHeader';
import { describeSituation, liveStatus } from '../popup/situation';
import { StatusBanner } from '../popup/StatusBanner';
import { FollowedTabView } from './FollowedTabView';
import { OutboxLine } from './OutboxLine';
import type { FollowedTab, PanelServices } from './services-type';

export function Panel({ services }: { services: PanelServices }) {
  const [answer, setAnswer] = useState<Answer<Status> | null>(null);
  const [record, setRecord] = useState<ConnectionRecord>(CONNECTION.fallback);
  const [outbox, setOutbox] = useState<OutboxFeed | null>(null);
  const [tab, setTab] = useState<FollowedTab | undefined>(undefined);

  // At once after the first render, not after the next frame (when Preact runs effects): the
  // followed tab's people are the panel's first content, and a frame is 16 ms of a rep waiting.
  useLayoutEffect(() => {
    const open = new AbortController();
    services.followTab(open.signal, setTab);
    services.followOutbox(open.signal, setOutbox);
    services.followConnection(open.signal, setRecord);
    void services.ask('getStatus').then(setAnswer);
    return () => open.abort();
  }, []);

  const status = liveStatus(answer, record, outbox);
  if (status.configured === false) return <ConnectPrompt openOptions={services.openOptions} />;
  // The outbox's own "Try now" is the popup's: the panel links to it instead.
  const situation = { ...describeSituation(status, outbox), canRetry: false };
  return (
    <>
      <PopupHeader
        title="Vivre"
        workspace={status.workspaceName ?? status.workspaceId}
        openOptions={services.openOptions}
      />
      <main>
        <StatusBanner
          situation={situation}
          openOptions={services.openOptions}
          retryNow={() => {}}
        />
        <OutboxLine outbox={outbox} onOpen={services.openOutbox} />
        <FollowedTabView
          tab={tab}
          services={services}
          outbox={outbox}
          offline={status.connection === 'offline'}
        />
      </main>
    </>
  );
}
