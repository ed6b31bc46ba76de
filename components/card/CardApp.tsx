/**
 * One person's card: asks the worker who they are, the worker's status and (for a contact)
 * their deals and activity, and sends the rep's writes through the outbox. All it knows of the
 * person from Gmail is the address and display name the rep clicked; everything else comes
 * from the worker. The view itself is ./ContactCard.tsx.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { CardPerson, KnownLookup } from '../../lib/shared/card-channel';
import type {
  ContactDetails,
  LookupResult,
  RepError,
  Status,
} from '../../lib/shared/messaging/protocol';
import type { AddInput, LogInput, LookupState, WriteProgress } from '../common/view-types';
import { buildLogWrites } from '../../lib/shared/forms/log-activity';
import { ContactCard } from './ContactCard';
import { dealRowKeys, withDealWrites } from './deal-writes';
import { isOffline } from './offline';
import type { CardServices } from './services-type';
import { useCardKeys } from './use-card-keys';
import { useDealWrites } from './use-deal-writes';
import { useRefreshWhenBack } from './use-refresh-when-back';

export interface CardAppProps {
  person: CardPerson;
  /** What the chip already showed of the person: drawn at once, then asked again. */
  known?: KnownLookup | null;
  services: CardServices;
  /** The height the card's content needs. */
  onSize: (height: number) => void;
  onClose: (returnFocus: boolean) => void;
  /** The person's record changed (added, or looked up again). */
  onChanged: () => void;
}

// An address the worker left out of its answer was not looked up (as the chips say).
const LEFT_OUT: LookupResult = { status: 'skipped', reason: 'never_lookup' };

export function CardApp({ person, known, services, onSize, onClose, onChanged }: CardAppProps) {
  const { ask } = services;
  const [lookup, setLookup] = useState<LookupState>(known ?? { status: 'loading' });
  const [status, setStatus] = useState<Status | null>(null);
  const [details, setDetails] = useState<ContactDetails | null | undefined>(undefined);
  const [detailsError, setDetailsError] = useState<RepError | null>(null);
  const [logProgress, setLogProgress] = useState<WriteProgress | null>(null);
  const [addProgress, setAddProgress] = useState<WriteProgress | null>(null);
  const [lifetime] = useState(() => new AbortController());
  const { signal } = lifetime;
  const cardRef = useRef<HTMLDivElement>(null);
  const interactive = useRef(false);

  async function lookUp() {
    const answer = await ask('lookupContacts', { emails: [person.email] });
    // A failed ask keeps what the chip already showed rather than trading it for an error.
    if (signal.aborted || (!answer.ok && known)) return;
    setLookup(
      answer.ok
        ? (answer.value[person.email] ?? LEFT_OUT)
        : { status: 'error', error: answer.error },
    );
  }

  async function loadDetails(id: string) {
    const answer = await ask('getContactDetails', { contactId: id });
    if (signal.aborted) return;
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

  // The content script sizes the frame to the card, within its bounds.
  useLayoutEffect(() => {
    const card = cardRef.current;
    if (!card) return;
    const observer = new ResizeObserver(() => onSize(card.offsetHeight));
    observer.observe(card);
    return () => observer.disconnect();
  }, []);

  // Usable: the answer about the person is on screen, with its actions.
  useLayoutEffect(() => {
    if (lookup.status === 'loading' || interactive.current) return;
    interactive.current = true;
    services.markInteractive();
  }, [lookup]);

  const onKeyDown = useCardKeys(cardRef, () => onClose(true));

  /** Whether the worker took the write; until it has, the card keeps the form and the note. */
  async function log(input: LogInput): Promise<boolean> {
    // The popup's write builder, so both send the same write for the same call.
    const built = buildLogWrites(
      { contactId, ...input, deal: { kind: 'none' } },
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
  return (
    <ContactCard
      id="vivre-card"
      email={person.email}
      displayName={person.name}
      lookup={lookup}
      status={status}
      details={shownDetails}
      dealRowKeys={dealRowKeys(shownDetails?.deals ?? null, deals.sent)}
      detailsError={detailsError}
      now={Date.now()}
      logProgress={logProgress}
      addProgress={addProgress}
      dealProgress={deals.progress}
      cardRef={cardRef}
      onKeyDown={onKeyDown}
      onLog={log}
      onAdd={add}
      onCreateDeal={deals.create}
      onMoveDeal={deals.move}
      onOpenOptions={() => void ask('openOptions')}
      onRetry={() => {
        setLookup({ status: 'loading' });
        void lookUp().then(onChanged);
      }}
      onClose={() => onClose(true)}
    />
  );
}
