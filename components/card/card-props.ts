/** Everything the card's view (./ContactCard.tsx and its parts) is given: data and actions. */
import type { ComponentChild, Ref } from 'preact';
import type { ContactDetails, RepError, Status } from '../../lib/shared/messaging/protocol';
import type { Activity, ActivityType, Stage } from '../../lib/shared/vivre/contract-types';
import type {
  AddInput,
  LogInput,
  LookupState,
  NewDealInput,
  WriteProgress,
} from '../common/view-types';

export interface ContactCardProps {
  id: string;
  email: string;
  displayName: string | null;
  lookup: LookupState;
  /** null while the worker's status is not known yet. */
  status: Status | null;
  /** undefined while loading; null when the details could not be loaded. */
  details: ContactDetails | null | undefined;
  /** Why the details could not be loaded, when they could not. */
  detailsError?: RepError | null;
  now: number;
  logProgress: WriteProgress | null;
  addProgress: WriteProgress | null;
  dealProgress?: WriteProgress | null;
  /** Keys for deal rows whose deal changed id (see ./deal-writes.ts `dealRowKeys`). */
  dealRowKeys?: ReadonlyMap<string, string>;
  /** Resolves true once the write is queued; the log form (and its note) stays until then. */
  onLog: (input: LogInput) => Promise<boolean>;
  /** Resolves true once the contact is queued; the form stays as typed until then. */
  onAdd: (input: AddInput) => Promise<boolean>;
  /** Each resolves true once the deal write is queued. */
  onCreateDeal: (deal: NewDealInput) => Promise<boolean>;
  onMoveDeal: (dealId: string, stage: Stage) => Promise<boolean>;
  onOpenOptions: () => void;
  onRetry: () => void;
  /** The card's close button; the panel, which stays, has none. */
  onClose?: () => void;
  /** The card's "Open in panel", where the browser lets the card open it. */
  onOpenPanel?: (() => Promise<boolean>) | undefined;
  onKeyDown?: (event: KeyboardEvent) => void;
  cardRef?: Ref<HTMLDivElement>;
  /**
   * How the panel beside the email shows more than the card (ContactRecordBody, drawn in the
   * panel): the whole timeline instead of the latest three, every activity type in the log, the
   * open deals to log against, and a note to start from. The card leaves them out.
   */
  renderActivities?: (activities: Activity[] | null) => ComponentChild;
  logTypes?: readonly ActivityType[];
  logToDeals?: boolean;
  logNote?: string;
}
