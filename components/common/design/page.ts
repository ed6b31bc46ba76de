/**
 * Starts an extension page: its Preact tree in #app. The design tokens on :root (light, or dark
 * with the system) are already in the page, written into its HTML by the build
 * (modules/page-tokens.ts: `<!-- vivre:design-tokens -->`).
 */
import { render, type ComponentChild } from 'preact';
import './page-base.css';

export function startPage(page: ComponentChild, doc: Document = document): void {
  render(page, doc.getElementById('app')!);
}
