/**
 * A root drawn with Preact's own `render`, not Testing Library's (whose `act` runs effects at
 * once): effects then wait for the next frame, as they do in the extension's pages, so a test
 * can act in the moment between a component's first draw and its first effect.
 */
import { render, type ComponentChild } from 'preact';
import { afterEach, beforeEach } from 'vitest';

export function useFrameTimedRoot() {
  let root: HTMLElement;
  beforeEach(() => {
    root = document.body.appendChild(document.createElement('div'));
  });
  afterEach(() => {
    render(null, root);
    root.remove();
  });
  return {
    /** The element drawn into (a new one per test). */
    get element(): HTMLElement {
      return root;
    },
    draw: (ui: ComponentChild) => render(ui, root),
  };
}

/** Past Preact's next frame (its effects run after a frame, or 35 ms without one). */
export const nextFrames = () => new Promise((resolve) => setTimeout(resolve, 60));
