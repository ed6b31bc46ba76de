import type { Ask } from '../../lib/shared/messaging/messenger';
import type { PanelPage } from '../../lib/shared/panel-channel';
import type { ConnectionRecord, OutboxFeed } from '../../lib/shared/storage/table';
import type { ContactRecordServices } from '../card/use-contact-record';

export type { PanelPage };

/**
 * The tab the panel follows and what it shows: `page` is what its Gmail content script says
 * (lib/shared/panel-channel.ts); null when the tab has none to ask (another site, or a Gmail tab
 * opened before Vivre was installed), where the panel offers the search.
 */
export interface FollowedTab {
  tabId: number | null;
  page: PanelPage | null;
}

/** When the panel has drawn what the followed tab shows (bench/panel.ts reads these marks). */
export type PanelMoment = 'first-drawn' | 'redrawn';

/** Everything the panel does outside itself, passed in so its components hold no I/O. */
export interface PanelServices extends ContactRecordServices {
  ask: Ask;
  /** The followed tab now, then each time the rep switches tabs or the page changes; no polling. */
  followTab(signal: AbortSignal, onTab: (tab: FollowedTab) => void): void;
  /** The outbox as the worker last published it, then each new version. */
  followOutbox(signal: AbortSignal, onFeed: (feed: OutboxFeed | null) => void): void;
  /** The worker's connection record (reachable? which key?) now, then each change. */
  followConnection(signal: AbortSignal, onRecord: (record: ConnectionRecord) => void): void;
  openOptions(): void;
  /** The list of writes that need the rep: the toolbar popup where the browser opens it, else the popup page in a tab. */
  openOutbox(): void;
  /** The people of the followed tab are drawn with their answers. */
  mark(moment: PanelMoment): void;
}
