// @vitest-environment happy-dom
import { fireEvent, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createChip, hidesHost, isChipShown } from '@/components/gmail/chip';
import type { LookupState } from '@/components/common/view-types';
import { found as foundLookup, notFound, RAHUL } from '../../../factories';
import { drawnWords } from '../../drawn-words';

afterEach(() => document.body.replaceChildren());

/** The chip as its host draws it: the button in the page while the lookup says it is shown. */
function renderChip(lookup: LookupState, onActivate = () => {}) {
  const chip = createChip(document, {
    email: 'rahul.sharma@acme-tech.example',
    displayName: 'Rahul Sharma',
    onActivate,
  });
  chip.show(lookup);
  if (isChipShown(lookup)) document.body.append(chip.button);
  return chip;
}

const found = (score: number): LookupState => foundLookup({ ...RAHUL, ai_score: score });

/** What the chip draws: its face's words, drawn by CSS from an attribute (never text). */
const drawn = (chip: HTMLElement) => drawnWords(chip);

describe('chip', () => {
  it('names a known contact with score and band, and shows the score', () => {
    renderChip(found(87));
    const chip = screen.getByRole('button', {
      name: 'Vivre: Rahul Sharma, AI score 87, hot lead',
    });
    expect(drawn(chip)).toBe('87');
    // No text for window.find() to match: the words are the face's attribute, drawn by CSS.
    expect(chip.textContent).toBe('');
    expect(chip.querySelector('.band-hot')).not.toBeNull();
  });

  it.each([
    [39, 'cold'],
    [40, 'warm'],
    [69, 'warm'],
    [70, 'hot'],
  ])('colours score %i as %s', (score, band) => {
    renderChip(found(score));
    expect(screen.getByRole('button').querySelector(`.band-${band}`)).not.toBeNull();
    expect(screen.getByRole('button').getAttribute('aria-label')).toContain(`${band} lead`);
  });

  it('shows "+ Add" for someone not in Vivre', () => {
    renderChip(notFound());
    const chip = screen.getByRole('button', {
      name: 'Vivre: Rahul Sharma is not in Vivre',
    });
    expect(drawn(chip)).toBe('+ Add');
    expect(chip.textContent).toBe('');
  });

  it('is present but busy while loading', () => {
    renderChip({ status: 'loading' });
    const chip = screen.getByRole('button', { name: 'Vivre: looking up Rahul Sharma' });
    expect(chip.getAttribute('aria-busy')).toBe('true');
  });

  it('shows a muted "!" with the reason in its title on error', () => {
    renderChip({ status: 'error', error: { kind: 'offline', message: 'You seem to be offline.' } });
    const chip = screen.getByRole('button', { name: /could not look up Rahul Sharma/ });
    expect(drawn(chip)).toBe('!');
    expect(chip.title).toBe('You seem to be offline.');
  });

  it('is not shown for people on the never-look-up list', () => {
    renderChip({ status: 'skipped', reason: 'never_lookup' });
    expect(document.querySelector('button')).toBeNull();
  });

  it('leaves an empty box of its size, never a hidden host, for a never-look-up address not a colleague', () => {
    const neverLookUp: LookupState = { status: 'skipped', reason: 'never_lookup' };
    const chip = renderChip(neverLookUp);
    expect(chip.gap.className).toBe('chip gap');
    expect(chip.gap.getAttribute('aria-hidden')).toBe('true');
    expect(hidesHost(neverLookUp, false)).toBe(false);
    expect(hidesHost(neverLookUp, true)).toBe(true);
    expect(hidesHost(found(87), true)).toBe(false);
  });

  it('keeps a muted, reachable dot when automatic lookups are off', () => {
    renderChip({ status: 'skipped', reason: 'auto_lookup_off' });
    const chip = screen.getByRole('button', {
      name: 'Vivre: Rahul Sharma not looked up, automatic lookups are off',
    });
    expect(chip.textContent).toBe('');
  });

  it('redraws in place when the answer changes: the score goes, the "+ Add" comes', () => {
    const chip = renderChip(found(87));
    chip.show(notFound());
    expect(drawn(chip.button)).toBe('+ Add');
    expect(chip.button.querySelector('.band-hot')).toBeNull();
    chip.show({ status: 'loading' });
    expect(drawn(chip.button)).toBe('');
    expect(chip.button.getAttribute('aria-busy')).toBe('true');
  });

  it('is a real button: click activates it, and it says whether the card is open', () => {
    const onActivate = vi.fn();
    const chip = renderChip(found(87), onActivate);
    fireEvent.click(screen.getByRole('button'));
    expect(onActivate).toHaveBeenCalledOnce();
    expect(screen.getByRole('button').tagName).toBe('BUTTON');
    expect(chip.button.getAttribute('aria-expanded')).toBe('false');
    chip.setExpanded(true);
    expect(chip.button.getAttribute('aria-expanded')).toBe('true');
  });
});
