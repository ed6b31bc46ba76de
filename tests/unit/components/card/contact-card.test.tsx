// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ContactCard, type ContactCardProps } from '@/components/card/ContactCard';
import { found, notFound, RAHUL, RAHUL_DETAILS, STATUS_OK } from '../../../factories';

afterEach(cleanup);

const NOW = Date.parse('2026-03-02T13:00:00Z');

function renderCard(overrides: Partial<ContactCardProps> = {}) {
  const props: ContactCardProps = {
    id: 'card-1',
    email: RAHUL.email,
    displayName: 'Rahul Sharma',
    lookup: found(RAHUL, NOW),
    status: STATUS_OK,
    details: RAHUL_DETAILS,
    now: NOW,
    logProgress: null,
    addProgress: null,
    onLog: vi.fn(async () => true),
    onAdd: vi.fn(),
    onCreateDeal: vi.fn(async () => true),
    onMoveDeal: vi.fn(async () => true),
    onOpenOptions: vi.fn(),
    onRetry: vi.fn(),
    onClose: vi.fn(),
    ...overrides,
  };
  render(<ContactCard {...props} />);
  return props;
}

describe('ContactCard with a known contact', () => {
  it('shows name, company, stage and the score with its band in words', () => {
    renderCard();
    const card = screen.getByRole('dialog', { name: 'Rahul Sharma' });
    expect(card.textContent).toContain('Acme Technologies');
    expect(card.textContent).toContain('Qualified');
    expect(card.textContent).toContain('87');
    expect(card.textContent).toContain('Hot lead');
  });

  it('lists open deals with values in rupees from paise, and leaves won deals out', () => {
    renderCard();
    const deals = screen.getByRole('region', { name: 'Open deals' });
    expect(deals.textContent).toContain('Annual plan');
    expect(deals.textContent).toContain('₹6,500.00');
    expect(deals.textContent).not.toContain('Pilot (won)');
  });

  it('shows the last activities, and hides both sections when the API does not offer them', () => {
    renderCard();
    expect(screen.getByRole('region', { name: 'Recent activity' }).textContent).toContain(
      'Discussed pricing',
    );
    cleanup();
    renderCard({ details: { ...RAHUL_DETAILS, deals: null, activities: null } });
    expect(screen.queryByRole('region', { name: 'Open deals' })).toBeNull();
    expect(screen.queryByRole('region', { name: 'Recent activity' })).toBeNull();
  });

  it('links to the contact in Vivre in a new tab without an opener', () => {
    renderCard();
    const link = screen.getByRole('link', { name: 'Open in Vivre: Rahul Sharma' });
    expect(link.getAttribute('href')).toBe(`https://app.vivre.example/contacts/${RAHUL.id}`);
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toContain('noopener');
  });

  it('says how old cached data is when it is stale or the worker is offline', () => {
    const threeHoursAgo = NOW - 3 * 3600_000;
    renderCard({
      lookup: found(RAHUL, threeHoursAgo, true),
      status: { ...STATUS_OK, connection: 'offline' },
    });
    expect(screen.getByText('Offline — cached 3 h ago')).toBeTruthy();
  });

  it('keeps showing deals and activity offline, saying how old the copy is', () => {
    const threeHoursAgo = NOW - 3 * 3600_000;
    renderCard({
      // The chip's answer is fresher than the details the worker kept: the older one is told.
      lookup: found(RAHUL, NOW - 60_000),
      details: { ...RAHUL_DETAILS, fetchedAt: threeHoursAgo, cached: true },
    });
    expect(screen.getByText('Offline — cached 3 h ago')).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Open deals' }).textContent).toContain('Annual plan');
    expect(screen.getByRole('region', { name: 'Recent activity' }).textContent).toContain(
      'Discussed pricing',
    );
  });

  it('says in one sentence when offline with no deals or activity saved, never a blank', () => {
    renderCard({
      status: { ...STATUS_OK, connection: 'offline' },
      details: null,
      detailsError: { kind: 'offline', message: 'You’re offline.' },
    });
    expect(
      screen.getByText(
        /^Offline, and no recent copy of Rahul Sharma’s deals and activity is saved/,
      ),
    ).toBeTruthy();
    cleanup();
    renderCard({ details: null, detailsError: { kind: 'server', message: 'Vivre is down.' } });
    expect(
      screen.getByText('Rahul Sharma’s deals and activity couldn’t be loaded: Vivre is down.'),
    ).toBeTruthy();
  });

  it('renders a hostile contact name as text and creates no element from it', () => {
    const name = '<img src=x onerror=alert(1)>';
    renderCard({
      lookup: found({ ...RAHUL, name, company: '<b>Evil</b>' }, NOW),
    });
    const card = screen.getByRole('dialog');
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe(name);
    expect(card.textContent).toContain('<b>Evil</b>');
    expect(card.querySelector('img')).toBeNull();
    expect(card.querySelector('b')).toBeNull();
  });

  it('turns logging off with the reason for a read-only key', () => {
    renderCard({ status: { ...STATUS_OK, permissions: ['read'] } });
    const button = screen.getByRole('button', { name: 'Log call with Rahul Sharma' });
    expect((button as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText(/this API key is read-only/)).toBeTruthy();
  });

  it('tells the rep when the key was revoked and offers the settings', () => {
    const props = renderCard({ status: { ...STATUS_OK, connection: 'unauthorized' } });
    expect(screen.getByRole('alert').textContent).toContain('revoked');
    fireEvent.click(screen.getAllByRole('button', { name: 'Open Vivre settings' })[0]!);
    expect(props.onOpenOptions).toHaveBeenCalledOnce();
  });

  it('logs a call through onLog and shows the write progress truthfully', () => {
    const props = renderCard({ logProgress: { state: 'waiting' } });
    expect(screen.getByRole('status').textContent).toBe('Saved — will sync');
    fireEvent.click(screen.getByRole('button', { name: 'Log call with Rahul Sharma' }));
    fireEvent.input(screen.getByRole('textbox', { name: 'Note' }), {
      target: { value: '  Agreed on a demo  ' },
    });
    fireEvent.submit(screen.getByRole('form', { name: 'Log activity for Rahul Sharma' }));
    expect(props.onLog).toHaveBeenCalledWith({ type: 'call', note: 'Agreed on a demo' });
  });
});

describe('deals on the card', () => {
  it('makes a new deal with a title and a value in rupees, sent in paise', async () => {
    const props = renderCard();
    fireEvent.click(screen.getByRole('button', { name: 'New deal for Rahul Sharma' }));
    const form = screen.getByRole('form', { name: 'New deal for Rahul Sharma' });
    fireEvent.submit(form);
    expect(
      within(form).getByText('Give the deal a title, like “Annual plan — 50 seats”.'),
    ).toBeTruthy();
    fireEvent.input(within(form).getByRole('textbox', { name: 'Deal title' }), {
      target: { value: ' Renewal 2027 ' },
    });
    fireEvent.input(within(form).getByRole('textbox', { name: 'Value (₹)' }), {
      target: { value: '1,50,000.50' },
    });
    fireEvent.submit(form);
    expect(props.onCreateDeal).toHaveBeenCalledExactlyOnceWith({
      title: 'Renewal 2027',
      value: 15_000_050,
    });
    await vi.waitFor(() =>
      expect(screen.queryByRole('form', { name: 'New deal for Rahul Sharma' })).toBeNull(),
    );
    // Focus goes back in an effect after the form is gone (Preact runs effects after a frame).
    await vi.waitFor(() =>
      expect(document.activeElement).toBe(
        screen.getByRole('button', { name: 'New deal for Rahul Sharma' }),
      ),
    );
  });

  it('leaves the value out when the rep gives none', () => {
    const props = renderCard();
    fireEvent.click(screen.getByRole('button', { name: 'New deal for Rahul Sharma' }));
    fireEvent.input(screen.getByRole('textbox', { name: 'Deal title' }), {
      target: { value: 'Pilot' },
    });
    fireEvent.submit(screen.getByRole('form', { name: 'New deal for Rahul Sharma' }));
    expect(props.onCreateDeal).toHaveBeenCalledWith({ title: 'Pilot' });
  });

  it('moves a deal only when the rep presses Move, to the stage picked', async () => {
    const props = renderCard();
    const stage = screen.getByRole('combobox', { name: 'Stage of Annual plan' });
    expect((stage as HTMLSelectElement).value).toBe('proposal');
    expect(screen.queryByRole('button', { name: /^Move Annual plan/ })).toBeNull();
    fireEvent.change(stage, { target: { value: 'qualified' } });
    fireEvent.change(stage, { target: { value: 'won' } });
    expect(props.onMoveDeal).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Move Annual plan to Won' }));
    expect(props.onMoveDeal).toHaveBeenCalledExactlyOnceWith('dl_1', 'won');
    await vi.waitFor(() => expect(document.activeElement).toBe(stage));
  });

  it('offers neither a new deal nor a stage move with a read-only key', () => {
    renderCard({ status: { ...STATUS_OK, permissions: ['read'] } });
    expect(screen.queryByRole('button', { name: 'New deal for Rahul Sharma' })).toBeNull();
    expect(screen.queryByRole('combobox', { name: 'Stage of Annual plan' })).toBeNull();
    expect(screen.getByRole('region', { name: 'Open deals' }).textContent).toContain('Proposal');
  });

  it('says where the deal write stands', () => {
    renderCard({ dealProgress: { state: 'waiting' } });
    expect(screen.getByRole('status').textContent).toBe('Saved — will sync');
  });
});

describe('ContactCard in other states', () => {
  it('offers the settings when Vivre is not configured', () => {
    const props = renderCard({ status: { ...STATUS_OK, configured: false } });
    fireEvent.click(screen.getByRole('button', { name: 'Open Vivre settings' }));
    expect(props.onOpenOptions).toHaveBeenCalledOnce();
  });

  it('explains that automatic lookups are off and links to the settings', () => {
    const props = renderCard({ lookup: { status: 'skipped', reason: 'auto_lookup_off' } });
    expect(screen.getByRole('dialog').textContent).toContain('Automatic lookups are off');
    fireEvent.click(screen.getByRole('button', { name: 'Open Vivre settings' }));
    expect(props.onOpenOptions).toHaveBeenCalledOnce();
  });

  it('shows the lookup error in the rep’s words with a retry', () => {
    const props = renderCard({
      lookup: { status: 'error', error: { kind: 'server', message: 'Vivre is having trouble.' } },
    });
    expect(screen.getByRole('alert').textContent).toContain('Vivre is having trouble.');
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(props.onRetry).toHaveBeenCalledOnce();
  });

  it('offers Add to Vivre, prefilled from the address, for someone unknown', () => {
    const props = renderCard({
      email: 'arjun.patel@bluestone.example',
      displayName: null,
      lookup: notFound(NOW),
    });
    const form = screen.getByRole('form', { name: 'Add to Vivre' });
    expect(within(form).getByRole('textbox', { name: 'Name' })).toHaveProperty(
      'value',
      'Arjun Patel',
    );
    expect(within(form).getByRole('textbox', { name: 'Company' })).toHaveProperty(
      'value',
      'Bluestone',
    );
    fireEvent.submit(form);
    expect(props.onAdd).toHaveBeenCalledWith({
      name: 'Arjun Patel',
      email: 'arjun.patel@bluestone.example',
      company: 'Bluestone',
    });
  });

  it('refuses to add someone without a name, and sends nothing', () => {
    const props = renderCard({
      email: 'arjun.patel@bluestone.example',
      lookup: notFound(NOW),
    });
    fireEvent.input(screen.getByRole('textbox', { name: 'Name' }), { target: { value: '  ' } });
    fireEvent.submit(screen.getByRole('form', { name: 'Add to Vivre' }));
    expect(screen.getByRole('alert').textContent).toBe('Enter a name.');
    expect(props.onAdd).not.toHaveBeenCalled();
  });
});
