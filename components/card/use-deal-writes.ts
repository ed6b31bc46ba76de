/**
 * The card's deal writes: a new deal and a stage change, each sent through the outbox like
 * every other write (exactly once, queued while Vivre is unreachable), with one line saying
 * where the latest stands and the deals shown as the rep left them (./deal-writes.ts).
 */
import { useState } from 'preact/hooks';
import { moveDealWrite } from '../../lib/shared/forms/deal';
import type { Stage } from '../../lib/shared/vivre/contract-types';
import type { NewDealInput, WriteProgress } from '../common/view-types';
import type { DealWrite } from '../../lib/shared/deal-writes';
import type { SentDealWrite } from './deal-writes';
import type { CardServices } from './services-type';

export function useDealWrites(
  contactId: string | null,
  sendWrite: CardServices['sendWrite'],
  signal: AbortSignal,
  /** Vivre has a write: fetch the contact's details again. */
  reload: () => void,
) {
  const [sent, setSent] = useState<SentDealWrite[]>([]);
  const [progress, setProgress] = useState<WriteProgress | null>(null);

  /** Whether the worker took the write; until it has, the form that made it stays. */
  async function send(write: DealWrite): Promise<boolean> {
    const entry: SentDealWrite = { write, syncedAt: null, madeAt: Date.now() };
    setSent((list) => [...list, entry]);
    const taken = await sendWrite(
      write,
      (next) => {
        setProgress(next);
        if (next.state !== 'synced') return;
        const syncedAt = Date.now();
        setSent((list) => list.map((e) => (e === entry ? { ...e, syncedAt } : e)));
        reload();
      },
      signal,
    );
    if (!taken) setSent((list) => list.filter((e) => e !== entry));
    return taken;
  }

  return {
    sent,
    progress,
    async create(deal: NewDealInput): Promise<boolean> {
      if (!contactId) return false;
      const body = { contact_id: contactId, ...deal, stage: 'new' as const };
      return send({ kind: 'createDeal', tempId: `tmp_${crypto.randomUUID()}`, body });
    },
    async move(dealId: string, stage: Stage): Promise<boolean> {
      return send(moveDealWrite(dealId, stage, new Date()));
    },
  };
}
