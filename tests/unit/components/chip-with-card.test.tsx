// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ChipWithCard, placeCard, type ChipWithCardProps } from '@/content/ui/ChipWithCard';
import { found, RAHUL, RAHUL_DETAILS, STATUS_OK } from '../../factories';

afterEach(cleanup);

function renderChipWithCard() {
  const props: ChipWithCardProps = {
    cardId: 'card-1',
    email: RAHUL.email,
    displayName: 'Rahul Sharma',
    lookup: found(RAHUL),
    status: STATUS_OK,
    details: RAHUL_DETAILS,
    now: 0,
    logProgress: null,
    addProgress: null,
    onOpen: vi.fn(),
    onLog: vi.fn(async () => true),
    onAdd: vi.fn(),
    onOpenOptions: vi.fn(),
    onRetry: vi.fn(),
  };
  render(<ChipWithCard {...props} />);
  return { props, chip: screen.getByRole('button', { name: /^Vivre: Rahul Sharma/ }) };
}

describe('ChipWithCard keyboard use', () => {
  it('opens the card on activation, moves focus into it, and says so with aria-expanded', () => {
    const { props, chip } = renderChipWithCard();
    expect(screen.queryByRole('dialog')).toBeNull();
    fireEvent.click(chip);
    const card = screen.getByRole('dialog', { name: 'Rahul Sharma' });
    expect(props.onOpen).toHaveBeenCalledOnce();
    expect(chip.getAttribute('aria-expanded')).toBe('true');
    expect(chip.getAttribute('aria-controls')).toBe(card.id);
    expect(document.activeElement).toBe(card);
  });

  it('closes on Esc and gives focus back to the chip', () => {
    const { chip } = renderChipWithCard();
    fireEvent.click(chip);
    const note = screen.getByRole('button', { name: 'Log note with Rahul Sharma' });
    note.focus();
    fireEvent.keyDown(note, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(chip);
    expect(chip.getAttribute('aria-expanded')).toBe('false');
  });

  it('keeps focus in the card after a log is saved, so Esc still closes it', async () => {
    const { props, chip } = renderChipWithCard();
    fireEvent.click(chip);
    fireEvent.click(screen.getByRole('button', { name: 'Log call with Rahul Sharma' }));
    fireEvent.submit(screen.getByRole('form', { name: 'Log activity for Rahul Sharma' }));
    expect(props.onLog).toHaveBeenCalledOnce();
    const opener = await screen.findByRole('button', { name: 'Log call with Rahul Sharma' });
    await vi.waitFor(() => expect(document.activeElement).toBe(opener));
    fireEvent.keyDown(opener, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(chip);
  });

  it('closes on Esc even when focus fell to the page, and brings focus back to the chip', () => {
    const { chip } = renderChipWithCard();
    fireEvent.click(chip);
    (document.activeElement as HTMLElement).blur();
    fireEvent.keyDown(document.body, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(chip);
  });

  it('closes with its close button, focus back on the chip', () => {
    const { chip } = renderChipWithCard();
    fireEvent.click(chip);
    fireEvent.click(screen.getByRole('button', { name: 'Close Vivre card' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(chip);
  });
});

describe('placeCard', () => {
  const viewport = { width: 1000, height: 800 };
  const card = { width: 320, height: 300 };
  const chipAt = (left: number, top: number) =>
    ({ left, top, bottom: top + 18, right: left + 30 }) as DOMRect;

  it('puts the card below the chip when there is room', () => {
    expect(placeCard(chipAt(100, 100), card, viewport)).toEqual({ top: 124, left: 100 });
  });

  it('flips above the chip near the bottom and stays inside the right edge', () => {
    const { top, left } = placeCard(chipAt(900, 700), card, viewport);
    expect(top + card.height).toBeLessThanOrEqual(700);
    expect(left + card.width).toBeLessThanOrEqual(viewport.width);
  });

  it('never goes above or left of the viewport', () => {
    const { top, left } = placeCard(chipAt(-50, 10), { width: 320, height: 790 }, viewport);
    expect(top).toBeGreaterThanOrEqual(0);
    expect(left).toBeGreaterThanOrEqual(0);
  });
});
