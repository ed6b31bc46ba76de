/**
 * The popup, options and card pages get the design tokens from their HTML, written in at build
 * time (modules/page-tokens.ts), not from a script: a page that lost its marker would open unstyled.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { pageDesignTokens } from '@/modules/page-tokens';
import { frameTokenCss, pageTokenCss } from '@/components/common/design/tokens';

const transform = pageDesignTokens().transformIndexHtml as (html: string) => string;

describe('design tokens in the pages’ HTML', () => {
  test.each([
    ['popup', pageTokenCss()],
    ['options', pageTokenCss()],
    ['card', frameTokenCss()],
  ])('%s.html carries every token, in its head', (page, css) => {
    const source = readFileSync(`entrypoints/${page}/index.html`, 'utf8');
    const built = transform(source);
    const head = built.slice(0, built.indexOf('</head>'));
    expect(head).toContain(`<style>${css}</style>`);
    expect(built).not.toContain('design-tokens -->');
  });
});
