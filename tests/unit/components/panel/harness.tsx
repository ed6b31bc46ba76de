/** The panel with a scripted worker and a tab the test switches: what its component tests share. */
import { act, render } from '@testing-library/preact';
import { vi } from 'vitest';
import { Panel } from '@/components/panel/Panel';
import type { FollowedTab, PanelPage, PanelServices } from '@/components/panel/services-type';
import type { WriteProgress } from '@/components/common/view-types';
import type { Ask } from '@/lib/shared/messaging/messenger';
import type {
  ContactDetails,
  LookupResult,
  OutboxSummary,
  Status,
  WriteRequest,
} from '@/lib/shared/messaging/protocol';
import type { ConnectionRecord } from '@/lib/shared/storage/table';
import type { Contact } from '@/lib/shared/vivre/contract-types';
import { feedOf, found, notFound, RAHUL_DETAILS, STATUS_OK } from '../../../factories';

export const THREAD = (...people: Contact[]): PanelPage => ({
  participants: people.map((contact, at) => ({
    email: contact.email,
    name: contact.name,
    role: at === 0 ? 'sender' : 'to',
  })),
  subject: 'Annual plan',
  unreadable: null,
  signedIn: 'meenakshi.rao@seller.example',
});

const ok = <T,>(value: T) => ({ ok: true as const, value });

export interface PanelWorld {
  status?: Status;
  /** The contacts Vivre knows (anyone else is not in Vivre). */
  known?: Contact[];
  details?: (contactId: string) => ContactDetails;
  outbox?: OutboxSummary | null;
  /** Answers getActivityPage. */
  activityPage?: Ask;
  /** When the worker last fetched what it answers lookups with. */
  lookedUpAt?: number;
}

export function renderPanel(world: PanelWorld = {}) {
  const known = new Map((world.known ?? []).map((contact) => [contact.email, contact]));
  const ask = vi.fn(async (type: string, data?: Record<string, unknown>) => {
    switch (type) {
      case 'getStatus':
        return ok(world.status ?? STATUS_OK);
      case 'lookupContacts': {
        const emails = data!.emails as string[];
        const answer = (email: string): LookupResult =>
          known.has(email) ? found(known.get(email)!, world.lookedUpAt) : notFound();
        return ok(Object.fromEntries(emails.map((email) => [email, answer(email)])));
      }
      case 'getContactDetails': {
        const id = data!.contactId as string;
        const contact = [...known.values()].find((c) => c.id === id)!;
        return ok(world.details?.(id) ?? { ...RAHUL_DETAILS, contact });
      }
      case 'searchContacts':
        return ok([...known.values()]);
      case 'listPendingFor':
        return ok(world.outbox ? [...world.outbox.waiting, ...world.outbox.attention] : []);
      case 'getActivityPage':
        return (world.activityPage as (t: string, d: unknown) => unknown)?.(type, data);
    }
    throw new Error(`the panel may not ask ${type}`);
  });
  const written: WriteRequest[] = [];
  let tellTab: (tab: FollowedTab) => void = () => {};
  const services: PanelServices = {
    ask: ask as unknown as Ask,
    sendWrite: vi.fn(async (write: WriteRequest, onProgress: (p: WriteProgress) => void) => {
      written.push(write);
      onProgress({ state: 'waiting' });
      return true;
    }),
    onReconnect: () => {},
    followTab: (_signal, onTab) => void (tellTab = onTab),
    followOutbox: (_signal, onFeed) => onFeed(world.outbox ? feedOf(world.outbox) : null),
    followConnection: (_signal, onRecord) =>
      onRecord({ state: 'ok', me: null } satisfies ConnectionRecord),
    openOptions: vi.fn(),
    openOutbox: vi.fn(),
    mark: vi.fn(),
  };
  render(<Panel services={services} />);
  return {
    ask,
    services,
    written,
    /** The rep is on a tab showing `page` (null: not Gmail). */
    show: (page: PanelPage | null, tabId = 1) => act(() => tellTab({ tabId, page })),
  };
}
