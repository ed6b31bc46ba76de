/**
 * Starts an extension page: the design tokens on :root (light, or dark with the system)
 * before anything renders, then the page's Preact tree in #app.
 */
import { render, type ComponentChild } from 'preact';
import { pageTokenCss } from './tokens';
import './page-base.css';

export function startPage(page: ComponentChild, doc: Document = document): void {
  const tokens = doc.createElement('style');
  tokens.textContent = pageTokenCss();
  doc.head.prepend(tokens);
  render(page, doc.getElementById('app')!);
}
