// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CardFrame } from '@/components/card/CardPage';
import type { CardServices } from '@/components/card/services-type';
import type { FromCard, ToCard } from '@/lib/shared/card-channel';
import type { Ask } from '@/lib/shared/messaging/messenger';
import type { WriteProgress } from '@/components/common/view-types';
import { deal, found, notFound, RAHUL, RAHUL_DETAILS, STATUS_OK } from '../../../factories';
import type { Deal } from '@/lib/shared/vivre/contract-types';

afterEach(cleanup);

/** The card page with a fake worker (which knows Rahul) and a fake content script. */
function renderCard(known = [RAHUL]) {
  const sent: FromCard[] = [];
  let deliver: (message: ToCard) => void = () => {};
  const people = new Map(known.map((contact) => [contact.email, contact]));
  const ask = vi.fn(async (type: string, data?: { emails: string[] }) => {
    if (type === 'lookupContacts') {
      const email = data!.emails[0]!;
      const contact = people.get(email);
      return { ok: true, value: { [email]: contact ? found(contact) : notFound() } };
    }
    if (type === 'getStatus') return { ok: true, value: STATUS_OK };
    if (type === 'getContactDetails') return { ok: true, value: RAHUL_DETAILS };
    if (type === 'openOptions') return { ok: true, value: null };
    throw new Error(`unexpected ${type}`);
  });
  const sendWrite = vi.fn(
    async (_write: unknown, onProgress: (progress: WriteProgress) => void) => {
      people.set('arjun.patel@bluestone.example', { ...RAHUL, id: 'cnt_new', name: 'Arjun Patel' });
      onProgress({ state: 'synced' });
      return true;
    },
  );
  // What the card is told when Vivre may be back (the worker heard from it, or the browser is online).
  const reconnect = { callbacks: [] as (() => void)[] };
  const services: CardServices = {
    ask: ask as unknown as Ask,
    sendWrite,
    onReconnect: (signal, callback) => {
      reconnect.callbacks.push(callback);
      signal.addEventListener('abort', () => {
        reconnect.callbacks = reconnect.callbacks.filter((c) => c !== callback);
      });
    },
    gmail: {
      listen: (listener) => ((deliver = listener), () => {}),
      send: (message) => sent.push(message),
    },
    markInteractive: vi.fn(),
  };
  render(<CardFrame services={services} />);
  const show = (email: string, name: string | null, seq = 1, knownByChip?: unknown) =>
    deliver({
      type: 'show',
      seq,
      person: { email, name },
      theme: 'dark',
      ...(knownByChip ? { known: knownByChip } : {}),
    });
  const hide = () => deliver({ type: 'hide' });
  const vivreBack = () => reconnect.callbacks.forEach((callback) => callback());
  return { ask, sendWrite, services, sent, show, hide, reconnect, vivreBack };
}

describe('the card page', () => {
  it("draws the chip's answer at once, then keeps the worker's when it comes", async () => {
    const { ask, show, services } = renderCard();
    let answer: (value: unknown) => void = () => {};
    ask.mockImplementationOnce(
      () => new Promise((resolve) => (answer = resolve as (value: unknown) => void)),
    );
    show(RAHUL.email, 'Rahul Sharma', 1, found({ ...RAHUL, company: 'Known Co' }));
    await screen.findByRole('button', { name: 'Log call with Rahul Sharma' });
    expect(screen.getByRole('dialog').textContent).toContain('Known Co');
    expect(services.markInteractive).toHaveBeenCalledOnce();
    await vi.waitFor(() =>
      expect(ask).toHaveBeenCalledWith('lookupContacts', { emails: [RAHUL.email] }),
    );
    answer({ ok: true, value: { [RAHUL.email]: found(RAHUL) } });
    await expect.poll(() => screen.getByRole('dialog').textContent).not.toContain('Known Co');
  });

  it('ignores a known answer that is not a contact, and waits for the worker', async () => {
    const { show } = renderCard([]);
    show(RAHUL.email, 'Rahul Sharma', 1, found({ ...RAHUL, ai_score: 900 }));
    expect((await screen.findByRole('dialog')).textContent).toContain('Looking up');
    await screen.findByRole('form', { name: 'Add to Vivre' });
  });

  it('shows nothing until told whom, then asks the worker about them and only them', async () => {
    const { ask, show, services } = renderCard();
    expect(document.body.textContent).toBe('');
    show(RAHUL.email, 'Rahul Sharma');
    const card = await screen.findByRole('dialog', { name: 'Rahul Sharma' });
    await screen.findByRole('region', { name: 'Open deals' });
    expect(ask).toHaveBeenCalledWith('lookupContacts', { emails: [RAHUL.email] });
    expect(ask).toHaveBeenCalledWith('getContactDetails', { contactId: RAHUL.id });
    expect(document.activeElement).toBe(card);
    expect(document.documentElement.dataset.theme).toBe('dark');
    expect(services.markInteractive).toHaveBeenCalledOnce();
  });

  it('logs a call through the outbox with the contact id the worker gave', async () => {
    const { sendWrite, show } = renderCard();
    show(RAHUL.email, 'Rahul Sharma');
    fireEvent.click(await screen.findByRole('button', { name: 'Log call with Rahul Sharma' }));
    fireEvent.input(screen.getByRole('textbox', { name: 'Note' }), {
      target: { value: 'Agreed on a demo' },
    });
    fireEvent.submit(screen.getByRole('form', { name: 'Log activity for Rahul Sharma' }));
    expect(await screen.findByText('Synced')).toBeTruthy();
    expect(sendWrite.mock.calls[0]![0]).toEqual({
      kind: 'logActivity',
      body: { contact_id: RAHUL.id, type: 'call', note: 'Agreed on a demo' },
    });
  });

  it('makes a deal and moves its stage through the outbox, showing both before Vivre has them', async () => {
    const { sendWrite, show } = renderCard();
    sendWrite.mockImplementation(async (_write, onProgress) => {
      onProgress({ state: 'waiting' });
      return true;
    });
    show(RAHUL.email, 'Rahul Sharma');
    fireEvent.click(await screen.findByRole('button', { name: 'New deal for Rahul Sharma' }));
    fireEvent.input(screen.getByRole('textbox', { name: 'Deal title' }), {
      target: { value: 'Renewal 2027' },
    });
    fireEvent.input(screen.getByRole('textbox', { name: 'Value (₹)' }), {
      target: { value: '1500' },
    });
    fireEvent.submit(screen.getByRole('form', { name: 'New deal for Rahul Sharma' }));
    const stage = await screen.findByRole('combobox', { name: 'Stage of Renewal 2027' });
    const created = sendWrite.mock.calls[0]![0] as { tempId: string };
    expect(created).toEqual({
      kind: 'createDeal',
      tempId: expect.stringMatching(/^tmp_[0-9a-f-]{36}$/),
      body: { contact_id: RAHUL.id, title: 'Renewal 2027', value: 150_000, stage: 'new' },
    });
    fireEvent.change(stage, { target: { value: 'proposal' } });
    fireEvent.click(screen.getByRole('button', { name: 'Move Renewal 2027 to Proposal' }));
    await vi.waitFor(() => expect(sendWrite).toHaveBeenCalledTimes(2));
    // The move names the new deal by its temporary id: the outbox sends it after the deal.
    expect(sendWrite.mock.calls[1]![0]).toEqual({
      kind: 'updateDeal',
      dealId: created.tempId,
      body: { stage: 'proposal' },
    });
    await vi.waitFor(() =>
      expect(screen.queryByRole('button', { name: /^Move Renewal 2027/ })).toBeNull(),
    );
    expect(screen.getByText('Saved — will sync')).toBeTruthy();
  });

  it('keeps a new deal, and the stage being picked in it, when an older read of the deals answers last', async () => {
    const { ask, sendWrite, show } = renderCard();
    // Each read after the first waits until the test answers it, as of when it answers.
    const reads: ((deals: Deal[]) => void)[] = [];
    ask.mockImplementation(async (type: string, data?: { emails: string[] }) => {
      if (type === 'lookupContacts')
        return { ok: true, value: { [data!.emails[0]!]: found(RAHUL) } };
      if (type === 'getStatus') return { ok: true, value: STATUS_OK };
      if (type !== 'getContactDetails') throw new Error(`unexpected ${type}`);
      if (ask.mock.calls.filter(([t]) => t === type).length === 1)
        return { ok: true, value: { ...RAHUL_DETAILS, deals: [] } };
      return new Promise((answer) => {
        reads.push((deals) =>
          answer({ ok: true, value: { ...RAHUL_DETAILS, deals, fetchedAt: Date.now() } }),
        );
      });
    });
    show(RAHUL.email, 'Rahul Sharma');
    const makeDeal = async (title: string) => {
      fireEvent.click(await screen.findByRole('button', { name: 'New deal for Rahul Sharma' }));
      fireEvent.input(screen.getByRole('textbox', { name: 'Deal title' }), {
        target: { value: title },
      });
      fireEvent.submit(screen.getByRole('form', { name: 'New deal for Rahul Sharma' }));
      await screen.findByRole('combobox', { name: `Stage of ${title}` });
    };
    // Vivre has each deal once the card hears it synced; then the card reads the deals again.
    const inVivre = (title: string, id: string) =>
      deal({ id, title, value: undefined, stage: 'new', created_at: new Date().toISOString() });
    await makeDeal('First');
    await vi.waitFor(() => expect(reads).toHaveLength(1));
    await makeDeal('Second');
    await vi.waitFor(() => expect(reads).toHaveLength(2));
    fireEvent.change(screen.getByRole('combobox', { name: 'Stage of Second' }), {
      target: { value: 'qualified' },
    });
    reads[1]!([inVivre('First', 'dl_first'), inVivre('Second', 'dl_second')]);
    // The read begun before the second deal was made answers last, without it.
    reads[0]!([inVivre('First', 'dl_first')]);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(screen.getByRole('button', { name: 'Move Second to Qualified' })).toBeTruthy();
    expect(sendWrite).toHaveBeenCalledTimes(2);
  });

  it('shows the worker’s offline copy of deals and activity with its age', async () => {
    const { ask, show } = renderCard();
    const fetchedAt = Date.now() - 3 * 3600_000;
    ask.mockImplementation(async (type: string, data?: { emails: string[] }) => {
      if (type === 'lookupContacts')
        return { ok: true, value: { [data!.emails[0]!]: found(RAHUL, fetchedAt, true) } };
      if (type === 'getStatus') return { ok: true, value: STATUS_OK };
      if (type === 'getContactDetails')
        return { ok: true, value: { ...RAHUL_DETAILS, fetchedAt, cached: true } };
      throw new Error(`unexpected ${type}`);
    });
    show(RAHUL.email, 'Rahul Sharma');
    expect(await screen.findByText('Offline — cached 3 h ago')).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Open deals' }).textContent).toContain('Annual plan');
  });

  it('drops "Offline — cached" for the live record once Vivre answers again, while open', async () => {
    const { ask, show, reconnect, vivreBack } = renderCard();
    const fetchedAt = Date.now() - 3 * 3600_000;
    let reachable = false;
    ask.mockImplementation(async (type: string, data?: { emails: string[] }) => {
      if (type === 'lookupContacts')
        return { ok: true, value: { [data!.emails[0]!]: found(RAHUL, fetchedAt, !reachable) } };
      if (type === 'getStatus') return { ok: true, value: STATUS_OK };
      if (type === 'getContactDetails')
        return reachable
          ? { ok: true, value: { ...RAHUL_DETAILS, fetchedAt: Date.now() } }
          : { ok: true, value: { ...RAHUL_DETAILS, fetchedAt, cached: true } };
      throw new Error(`unexpected ${type}`);
    });
    show(RAHUL.email, 'Rahul Sharma');
    await screen.findByText('Offline — cached 3 h ago');
    // Showing the saved copy, the card listens for Vivre coming back.
    await vi.waitFor(() => expect(reconnect.callbacks).toHaveLength(1));
    reachable = true;
    vivreBack();
    await vi.waitFor(() => expect(screen.queryByText(/^Offline/)).toBeNull());
    expect(screen.getByRole('region', { name: 'Open deals' }).textContent).toContain('Annual plan');
    // Live again, it stops listening: nothing left to refresh.
    expect(reconnect.callbacks).toHaveLength(0);
  });

  it('adds someone unknown, then shows their record and tells Gmail to refresh their chip', async () => {
    const { sendWrite, show, sent } = renderCard();
    show('arjun.patel@bluestone.example', null, 4);
    fireEvent.submit(await screen.findByRole('form', { name: 'Add to Vivre' }));
    await screen.findByRole('dialog', { name: 'Arjun Patel' });
    expect(sendWrite.mock.calls[0]![0]).toMatchObject({
      kind: 'createContact',
      tempId: expect.stringMatching(/^tmp_[0-9a-f-]{36}$/),
      body: { name: 'Arjun Patel', email: 'arjun.patel@bluestone.example', company: 'Bluestone' },
    });
    expect(sent).toContainEqual({ type: 'changed', seq: 4 });
  });

  it('asks to close, focus back on the chip, on Esc and on its close button', async () => {
    const { show, sent } = renderCard();
    show(RAHUL.email, 'Rahul Sharma');
    const note = await screen.findByRole('button', { name: 'Log note with Rahul Sharma' });
    fireEvent.keyDown(note, { key: 'Escape' });
    fireEvent.click(screen.getByRole('button', { name: 'Close Vivre card' }));
    expect(sent.filter((message) => message.type === 'close')).toEqual([
      { type: 'close', returnFocus: true },
      { type: 'close', returnFocus: true },
    ]);
  });

  it('keeps Tab inside the card, from its last control back to its first', async () => {
    const { show } = renderCard();
    show(RAHUL.email, 'Rahul Sharma');
    const link = await screen.findByRole('link', { name: 'Open in Vivre: Rahul Sharma' });
    link.focus();
    fireEvent.keyDown(link, { key: 'Tab' });
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Close Vivre card' }));
    fireEvent.keyDown(document.activeElement!, { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(link);
  });

  it('forgets the last person when hidden', async () => {
    const { show, hide } = renderCard([]);
    show('someone@else.example', 'Someone', 2);
    await screen.findByRole('form', { name: 'Add to Vivre' });
    hide();
    await vi.waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    show(RAHUL.email, 'Rahul Sharma', 3);
    expect((await screen.findByRole('dialog')).textContent).not.toContain('Someone');
  });
});
