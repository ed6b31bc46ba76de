import { useEffect, useRef, useState } from 'preact/hooks';
import {
  buildLogWrites,
  type DealChoice,
  type LogActivityField,
} from '../../lib/shared/forms/log-activity';
import { NO_CALL_DETAILS } from '../../lib/shared/forms/call-details';
import type { FormErrors } from '../../lib/shared/forms/result';
import { ACTIVITY_WORDS } from '../../lib/shared/labels';
import type { OutboxFeed } from '../../lib/shared/storage/table';
import type { ActivityType } from '../../lib/shared/vivre/contract-types';
import { CallDetailsFields } from '../common/CallDetailsFields';
import { TextField } from '../common/Field';
import { ContactCombobox } from './ContactCombobox';
import { ContactSummary } from './ContactSummary';
import { dealsNote, useContactDetails } from './contact-details';
import { DealFields } from './DealFields';
import { enqueueAll } from './enqueue-all';
import { Outcome, type OutcomeState } from './Outcome';
import { PageContactChoices } from './PageContactChoices';
import { findPageContacts } from './page-contacts';
import { activitiesWithPending, dealsWithPending } from './pending';
import { usePendingFor } from './use-pending-for';
import { NO_PAGE, type Draft, type PickedContact, type PopupServices } from './services-type';
import { TypeChoice } from './TypeChoice';
import { UnreadableViewNotice } from './UnreadableViewNotice';

interface Props {
  services: PopupServices;
  draft: Draft | null;
  recent: PickedContact[];
  outbox: OutboxFeed | null;
  offline: boolean;
  appUrl: string | null;
  /**
   * Why logging is off (read-only key…), or null when the rep may log. Undefined
   * while it is not known yet: the rep can already type, not yet send.
   */
  disabledReason: string | null | undefined;
}

export function LogForm({
  services,
  draft,
  recent,
  outbox,
  offline,
  appUrl,
  disabledReason,
}: Props) {
  const [contact, setContact] = useState(draft?.contact ?? null);
  const [pageContacts, setPageContacts] = useState<PickedContact[]>([]);
  const [page, setPage] = useState(NO_PAGE);
  const [type, setType] = useState<ActivityType>(draft?.type ?? 'call');
  const [note, setNote] = useState(draft?.note ?? '');
  const [deal, setDeal] = useState<DealChoice>({ kind: 'none' });
  const [call, setCall] = useState(draft?.call ?? NO_CALL_DETAILS);
  const [errors, setErrors] = useState<FormErrors<LogActivityField>>({});
  const [outcome, setOutcome] = useState<OutcomeState>(null);
  const [saving, setSaving] = useState(false);
  const [recentContacts, setRecentContacts] = useState(recent);
  const chosenByRep = useRef(Boolean(draft?.contact));
  const watching = useRef(new AbortController());
  // State lags a render behind; a ref stops a double Ctrl+Enter from logging twice.
  const sending = useRef(false);
  const details = useContactDetails(contact?.id ?? null, services.ask);
  const knownDealIds = (details.details?.deals ?? []).map((known) => known.id);
  const pending = usePendingFor(services.ask, contact?.id ?? null, knownDealIds, outbox);
  const now = Date.now();

  useEffect(() => {
    void services.getPage().then(async (onTab) => {
      setPage(onTab);
      const found = await findPageContacts(services, onTab);
      setPageContacts(found);
      if (!chosenByRep.current && found[0]) setContact(found[0]);
    });
    return () => watching.current.abort();
  }, []);

  // The draft exists only while there is something written to lose.
  useEffect(() => {
    const written = note.trim() !== '' || call.minutes.trim() !== '' || call.outcome !== '';
    void (written ? services.draft.save({ contact, type, note, call }) : services.draft.clear());
  }, [contact, type, note, call]);

  /** A new log has begun: the last one's line would now read as this one's. */
  function startOver() {
    if (outcome?.tone !== 'ok') return;
    watching.current.abort();
    setOutcome(null);
  }

  function select(next: PickedContact | null) {
    chosenByRep.current = true;
    if (next?.id !== contact?.id) setDeal({ kind: 'none' });
    setContact(next);
    startOver();
  }

  async function submit() {
    if (disabledReason !== null || sending.current) return;
    const built = buildLogWrites(
      { contactId: contact?.id ?? null, type, note, deal, call },
      { newTempId: () => `tmp_${crypto.randomUUID()}`, now: () => new Date() },
    );
    setErrors(built.ok ? {} : built.errors);
    if (!built.ok || !contact)
      return setOutcome({ tone: 'error', text: 'Fix the marked fields above; nothing was sent.' });
    sending.current = true;
    setSaving(true);
    const result = await enqueueAll(services.ask, built.writes);
    sending.current = false;
    setSaving(false);
    if (!result.ok) return setOutcome({ tone: 'error', text: result.message });
    const what = `${ACTIVITY_WORDS[type]} with ${contact.name}`;
    setOutcome({ tone: 'ok', state: result.synced ? 'synced' : 'waiting', what });
    setNote('');
    setCall(NO_CALL_DETAILS);
    setDeal({ kind: 'none' });
    await services.draft.clear();
    await services.rememberContact(contact);
    setRecentContacts([contact, ...recentContacts.filter((c) => c.id !== contact.id)]);
    if (result.synced) return;
    // Only the latest write's fate is told: following an earlier one stops here.
    watching.current.abort();
    watching.current = new AbortController();
    services.followWrite(result.activityItemId, watching.current.signal, (status) => {
      if (status?.state === 'synced') setOutcome({ tone: 'ok', state: 'synced', what });
      else if (status?.state === 'attention' || status?.error) {
        const reason = status.error?.message ?? 'Vivre refused it.';
        setOutcome({ tone: 'error', text: `${what} needs attention: ${reason}` });
      }
    });
  }

  const mac = /Mac|iPhone|iPad/.test(navigator.platform);
  const contactId = contact?.id ?? '';
  return (
    <form
      class="log-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
      onKeyDown={(event) => {
        if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
          event.preventDefault();
          void submit();
        }
      }}
    >
      <UnreadableViewNotice
        page={page}
        onUseSubject={(subject) =>
          setNote((current) => (current.trim() ? `${subject}\n${current}` : subject))
        }
      />
      <ContactCombobox
        selected={contact}
        onSelect={select}
        recent={recentContacts}
        onPage={pageContacts}
        ask={services.ask}
        error={errors.contact}
        autoFocus={!draft?.note}
        offline={offline}
      />
      <PageContactChoices contacts={pageContacts} selectedId={contact?.id} onSelect={select} />
      {contact ? (
        <ContactSummary
          contact={contact}
          activities={activitiesWithPending(
            details.details?.activities ?? null,
            contactId,
            pending,
          )}
          appUrl={appUrl}
          now={now}
        />
      ) : null}
      <TypeChoice value={type} onChange={setType} />
      {type === 'call' ? (
        <CallDetailsFields
          idPrefix="call"
          value={call}
          onChange={setCall}
          minutesError={errors.callMinutes}
        />
      ) : null}
      <TextField
        id="note"
        label="Note"
        error={errors.note}
        rows={4}
        value={note}
        autoFocus={Boolean(draft?.note)}
        onValue={(text) => {
          setNote(text);
          startOver();
        }}
      />
      <DealFields
        deals={contact ? dealsWithPending(details.details?.deals ?? null, contactId, pending) : []}
        note={contact ? dealsNote(details, contact.name, offline, now) : null}
        value={deal}
        onChange={setDeal}
        errors={errors}
      />
      <div class="submit-row">
        <button
          type="submit"
          class="filled"
          disabled={disabledReason !== null || saving}
          title={disabledReason === undefined ? 'Connecting…' : (disabledReason ?? undefined)}
        >
          Log activity
        </button>
        <span class="hint" aria-hidden="true">
          <kbd>{mac ? '⌘' : 'Ctrl'}</kbd>+<kbd>Enter</kbd>
        </span>
      </div>
      <Outcome outcome={outcome} />
    </form>
  );
}
