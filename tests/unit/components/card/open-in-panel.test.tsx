// @vitest-environment happy-dom
/**
 * "Open in panel" on the card and in the popup: there only where the browser can open the panel
 * from that page, and a refusal told in one sentence with the way that always works. The card's
 * log stays the card's three types, without a deal menu, unless the panel asks for more.
 */
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ContactCard, type ContactCardProps } from '@/components/card/ContactCard';
import { PANEL_NOT_OPENED } from '@/components/common/OpenPanelButton';
import { PopupHeader } from '@/components/popup/PopupHeader';
import { found, RAHUL, RAHUL_DETAILS, STATUS_OK } from '../../../factories';

afterEach(cleanup);

function renderCard(overrides: Partial<ContactCardProps> = {}) {
  const props: ContactCardProps = {
    id: 'card-1',
    email: RAHUL.email,
    displayName: 'Rahul Sharma',
    lookup: found(RAHUL),
    status: STATUS_OK,
    details: RAHUL_DETAILS,
    now: Date.parse('2026-03-02T13:00:00Z'),
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

describe('Open in panel', () => {
  it('is on the card where the browser can open the panel from it, and opens it', () => {
    const open = vi.fn(async () => true);
    renderCard({ onOpenPanel: open });
    fireEvent.click(screen.getByRole('button', { name: 'Open in panel' }));
    expect(open).toHaveBeenCalledOnce();
  });

  it('is not on the card where the browser cannot (Firefox frames the card without it)', () => {
    renderCard();
    expect(screen.queryByRole('button', { name: 'Open in panel' })).toBeNull();
  });

  it('says how else to open the panel when the browser refused', async () => {
    renderCard({ onOpenPanel: async () => false });
    fireEvent.click(screen.getByRole('button', { name: 'Open in panel' }));
    expect((await screen.findByRole('alert')).textContent).toBe(PANEL_NOT_OPENED);
  });

  it('is in the popup header when the browser has a panel', () => {
    const open = vi.fn(async () => true);
    render(<PopupHeader workspace="Demo" openOptions={() => {}} openPanel={open} />);
    fireEvent.click(screen.getByRole('button', { name: 'Open in panel' }));
    expect(open).toHaveBeenCalledOnce();
    cleanup();
    render(<PopupHeader workspace="Demo" openOptions={() => {}} />);
    expect(screen.queryByRole('button', { name: 'Open in panel' })).toBeNull();
  });
});

describe("the card's log, unchanged by the panel's options", () => {
  it('offers call, note and meeting, and no deal menu', () => {
    renderCard();
    fireEvent.click(screen.getByRole('button', { name: 'Log call with Rahul Sharma' }));
    const form = screen.getByRole('form', { name: 'Log activity for Rahul Sharma' });
    const types = within(form).getByRole('combobox', {
      name: 'Activity type',
    }) as HTMLSelectElement;
    expect([...types.options].map((o) => o.value)).toEqual(['call', 'note', 'meeting']);
    expect(within(form).queryByRole('combobox', { name: 'Deal' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Log email with Rahul Sharma' })).toBeNull();
  });

  it('takes the focus when opened, so the keyboard carries on inside it', () => {
    renderCard();
    fireEvent.click(screen.getByRole('button', { name: 'Log note with Rahul Sharma' }));
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Activity type');
  });
});
