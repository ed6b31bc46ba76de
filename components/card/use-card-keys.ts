/**
 * The card's keyboard: it takes focus when shown (and again whenever its frame gets focus with
 * nothing focused inside), Esc anywhere in it closes it, and Tab cycles through it rather than
 * leaving the frame for the end of Gmail's page, where focus would be lost. Esc or the close
 * button is the way out, and focus then goes back to the chip.
 */
import type { RefObject } from 'preact';
import { useEffect } from 'preact/hooks';

const FOCUSABLE = 'a[href], button:not([disabled]), input, select, textarea';

export function useCardKeys(cardRef: RefObject<HTMLElement>, close: () => void) {
  useEffect(() => {
    const card = cardRef.current;
    const win = card?.ownerDocument.defaultView;
    if (!card || !win) return;
    const focusCard = () => {
      if (!card.contains(card.ownerDocument.activeElement)) card.focus();
    };
    const onEscape = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      close();
    };
    focusCard();
    win.addEventListener('focus', focusCard);
    win.addEventListener('keydown', onEscape);
    return () => {
      win.removeEventListener('focus', focusCard);
      win.removeEventListener('keydown', onEscape);
    };
  }, []);

  return (event: KeyboardEvent) => {
    const card = cardRef.current;
    if (event.key !== 'Tab' || !card) return;
    const focusable = [...card.querySelectorAll<HTMLElement>(FOCUSABLE)];
    const first = focusable[0];
    const last = focusable.at(-1);
    const active = card.ownerDocument.activeElement;
    if (!first || !last) return;
    if (event.shiftKey && (active === first || active === card)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && active === last) {
      event.preventDefault();
      first.focus();
    }
  };
}
