/**
 * One person's record as the contact card and the panel beside the email show it: asks the worker
 * who they are, its status and (for a contact) their deals and activity, keeps asking while Vivre
 * is unreachable, and sends the rep's writes (a log, a new contact, a deal made or moved) through
 * the outbox, saying where each stands. All it knows of the person from Gmail is the address and
 * display name; everything else comes from the worker.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { CardPerson, KnownLookup } from '../../lib/shared/card-channel';
import type {
  ContactDetails,
  LookupResult,
  RepError,
  Status,
} from '../../lib/shared/messaging/protocol';
import { buildLogWrites } from '../../lib/shared/forms/log-activity';
import type { AddInput, LogInput, LookupState, WriteProgress } from '../common/view-types';
import { dealRowKeys, withDealWrites } from './deal-writes';
import { isOffline } from './offline';
import type { CardServices } from './services-type';
import { useDealWrites } from './use-deal-writes';
import { useRefreshWhenBack } from './use-refresh-when-back';

/** What a record needs from outside: the worker, the outbox, and word that Vivre may be back. */
export type ContactRecordServices = Pick<CardServices, 'ask' | 'sendWrite' | 'onReconnect'>;

export interface ContactRecordOptions {
  person: CardPerson;
  /** What was already shown of the person (a chip, the panel's list): drawn at once, then asked again. */
  known?: KnownLookup | null;
  services: ContactRecordServices;
  /** The person's record changed (added, or looked up again). */
  onChanged: () => void;
}

// An address the worker left out of its answer was not looked up (as the chips say).
const LEFT_OUT: LookupResult = { status: 'skipped', reason: 'never_lookup' };

export function useContactRecord({ person, known, services, onChanged }: ContactRecordOptions) {
  const { ask } = services;
  const [lookup, setLookup] = useState<LookupState>(known ?? { status: 'loading' });
  const [status, setStatus] = useState<Status | null>(null);
  const [details, setDetails] = useState<ContactDetails | null | undefined>(undefined);
  const [detailsError, setDetailsError] = useState<RepError | null>(null);
  const [logProgress, setLogProgress] = useState<WriteProgress | null>(null);
  const [addProgress, setAddProgress] = useState<WriteProgress | null>(null);
  const [lifetime] = useState(() => new AbortController());
  const { signal } = lifetime;

  async function lookUp() {
    const answer = await ask('lookupContacts', { emails: [person.email] });
    // A failed ask keeps what was already shown rather than trading it for an error.
    if (signal.aborted || (!answer.ok && known)) return;
    setLookup(
      answer.ok
        ? (answer.value[person.email] ?? LEFT_OUT)
        : { status: 'error', error: answer.error },
    );
  }

  // Only the latest read is shown: one begun before a deal was made can answer after the one
  // begun when it synced, and would take the deal (and the stage being picked) off the card.
  const detailsAsked = useRef(0);
  async function loadDetails(id: string) {
    const asked = ++detailsAsked.current;
    const answer = await ask('getContactDetails', { contactId: id });
    if (signal.aborted || asked !== detailsAsked.current) return;
    // A failed refresh keeps the details on screen: they stay true until Vivre says otherwise.
    if (answer.ok) setDetails(answer.value);
    else setDetails((shown) => shown ?? null);
    setDetailsError(answer.ok ? null : answer.error);
  }

  function readStatus() {
    void ask('getStatus').then((answer) => {
      if (!signal.aborted && answer.ok) setStatus(answer.value);
    });
  }

  useEffect(() => {
    void lookUp();
    readStatus();
    return () => lifetime.abort();
  }, []);

  const contactId = lookup.status === 'found' ? lookup.contact.id : null;
  const deals = useDealWrites(contactId, services.sendWrite, signal, () => {
    if (contactId) void loadDetails(contactId);
  });
  useEffect(() => {
    if (!contactId) return;
    setDetails(undefined);
    void loadDetails(contactId);
  }, [contactId]);

  useRefreshWhenBack(isOffline(details, status), services.onReconnect, () => {
    readStatus();
    void lookUp();
    if (contactId) void loadDetails(contactId);
  });

  /** Whether the worker took the write; until it has, the form and the note stay. */
  async function log(input: LogInput): Promise<boolean> {
    // The popup's write builder, so all send the same write for the same call.
    const { dealId, ...activity } = input;
    const built = buildLogWrites(
      {
        contactId,
        ...activity,
        deal: dealId ? { kind: 'existing', dealId, moveTo: '' } : { kind: 'none' },
      },
      { newTempId: () => `tmp_${crypto.randomUUID()}`, now: () => new Date() },
    );
    const write = built.ok ? built.writes[0] : undefined;
    if (!contactId || !write) return false;
    return services.sendWrite(
      write,
      (progress) => {
        setLogProgress(progress);
        if (progress.state === 'synced') void loadDetails(contactId);
      },
      signal,
    );
  }

  async function add(input: AddInput): Promise<boolean> {
    const body = {
      name: input.name,
      email: input.email,
      ...(input.company ? { company: input.company } : {}),
    };
    const write = { kind: 'createContact', tempId: `tmp_${crypto.randomUUID()}`, body } as const;
    return services.sendWrite(
      write,
      (progress) => {
        setAddProgress(progress);
        if (progress.state === 'synced') void lookUp().then(onChanged);
      },
      signal,
    );
  }

  const shownDetails = details && {
    ...details,
    deals: withDealWrites(details.deals, details.fetchedAt, deals.sent),
  };
  return {
    lookup,
    status,
    details: shownDetails,
    dealRowKeys: dealRowKeys(shownDetails?.deals ?? null, deals.sent),
    detailsError,
    logProgress,
    addProgress,
    dealProgress: deals.progress,
    onLog: log,
    onAdd: add,
    onCreateDeal: deals.create,
    onMoveDeal: deals.move,
    onRetry() {
      setLookup({ status: 'loading' });
      void lookUp().then(onChanged);
    },
  };
}
