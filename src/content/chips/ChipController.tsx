/**
 * Connects one chip to the worker: follows the lookup store for its email, loads
 * status and details when the card opens, and sends writes through the outbox.
 * The components it renders stay pure.
 */
import { useEffect, useState } from 'preact/hooks';
import { isChipShown } from '../ui/Chip';
import { ChipWithCard } from '../ui/ChipWithCard';
import type { AddInput, LogInput, WriteProgress } from '../../ui/view-types';
import type { ContactDetails, Status } from '../../shared/messaging/protocol';
import type { Ask } from '../../shared/messaging/messenger';
import type { LookupStore } from './lookup-store';
import { sendWrite } from './send-write';

export interface ChipControllerProps {
  email: string;
  displayName: string | null;
  cardId: string;
  store: LookupStore;
  ask: Ask;
  openOptions: () => void;
  /** Aborted when the chip is removed: stops following writes. */
  signal: AbortSignal;
  /** Whether the chip shows at all (Chip.tsx `isChipShown`): the host hides when it does not. */
  onShown?: (shown: boolean) => void;
}

export function ChipController({
  email,
  displayName,
  cardId,
  store,
  ask,
  openOptions,
  signal,
  onShown,
}: ChipControllerProps) {
  const [lookup, setLookup] = useState(() => store.get(email));
  const [opened, setOpened] = useState(0);
  const [status, setStatus] = useState<Status | null>(null);
  const [details, setDetails] = useState<ContactDetails | null | undefined>(undefined);
  const [logProgress, setLogProgress] = useState<WriteProgress | null>(null);
  const [addProgress, setAddProgress] = useState<WriteProgress | null>(null);

  useEffect(() => {
    setLookup(store.get(email));
    return store.subscribe(email, () => setLookup(store.get(email)));
  }, [store, email]);

  const contactId = lookup.status === 'found' ? lookup.contact.id : null;
  const shown = isChipShown(lookup);
  useEffect(() => onShown?.(shown), [shown]);

  async function loadDetails(id: string) {
    const answer = await ask('getContactDetails', { contactId: id });
    if (!signal.aborted) setDetails(answer.ok ? answer.value : null);
  }

  // Status and details are fetched when the card opens (not for every chip on the page).
  useEffect(() => {
    if (opened === 0) return;
    void ask('getStatus').then((answer) => {
      if (!signal.aborted && answer.ok) setStatus(answer.value);
    });
  }, [opened]);
  useEffect(() => {
    if (opened === 0 || !contactId) return;
    setDetails(undefined);
    void loadDetails(contactId);
  }, [opened, contactId]);

  /** Whether the worker took the write; until it has, the card keeps the form and the note. */
  async function log(input: LogInput): Promise<boolean> {
    if (!contactId) return false;
    const write = {
      kind: 'logActivity',
      body: {
        contact_id: contactId,
        type: input.type,
        ...(input.note ? { note: input.note } : {}),
      },
    } as const;
    return sendWrite(
      ask,
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
    return sendWrite(
      ask,
      write,
      (progress) => {
        setAddProgress(progress);
        if (progress.state === 'synced') void store.refresh([email]);
      },
      signal,
    );
  }

  return (
    <ChipWithCard
      cardId={cardId}
      email={email}
      displayName={displayName}
      lookup={lookup}
      status={status}
      details={details}
      now={Date.now()}
      logProgress={logProgress}
      addProgress={addProgress}
      onOpen={() => setOpened((n) => n + 1)}
      onLog={log}
      onAdd={add}
      onOpenOptions={openOptions}
      onRetry={() => void store.refresh([email])}
    />
  );
}
