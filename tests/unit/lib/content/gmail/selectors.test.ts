// @vitest-environment happy-dom
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findComposeParticipants } from '@/lib/content/gmail/compose-recipients';
import { findSignedInEmail } from '@/lib/content/gmail/page';
import { findParticipantAnchors } from '@/lib/content/gmail/participants';
import * as selectors from '@/lib/content/gmail/selectors';
import { findThreadParticipants } from '@/lib/content/gmail/thread';
import { loadFixture, participant } from './load-fixture';

const fallbackLists = Object.entries(selectors).filter(
  (entry): entry is [string, selectors.SelectorFallbacks] => Array.isArray(entry[1]),
);

describe('selectors.ts', () => {
  it.each(fallbackLists)(
    '%s is dated, newest first, ending in an attribute-only fallback',
    (_, list) => {
      const dated = list.filter((s) => s.seen !== 'stable').map((s) => s.seen);
      expect(dated).toEqual([...dated].sort().reverse());
      expect(dated.every((seen) => /^\d{4}(-\d{2})?$/.test(seen))).toBe(true);
      const last = list.at(-1)!;
      expect(last.seen).toBe('stable');
      expect(last.selector).not.toMatch(/\.[a-zA-Z]/); // no class name in the last resort
    },
  );

  // A query whose selector is a literal, or a template that adds more than commas to selectors.ts's.
  const QUERY =
    /\.(?:querySelector(?:All)?|closest|matches)(?:<\w+>)?\(|\b(?:closestSafe|matchesSafe|holdsSafe|safeQueryAll|queryNewestFirst)\([^,()]+,/g;
  const room = path.resolve(
    path.dirname(fileURLToPath(import.meta.url)),
    '../../../../../lib/content/gmail',
  );
  const modules = readdirSync(room).filter((file) => file !== 'selectors.ts');

  it.each(modules)('%s takes every selector from selectors.ts', (file) => {
    const source = readFileSync(path.join(room, file), 'utf8');
    const inline = [...source.matchAll(QUERY)]
      .map((match) => source.slice(match.index! + match[0].length).trimStart())
      .filter(
        (arg) => /^'/.test(arg) || /^`([^`]*)`/.exec(arg)?.[1]?.replace(/\$\{\w+\}|[,\s]/g, ''),
      );
    expect(inline).toEqual([]);
  });
});

describe('future markup: every class renamed, attributes kept', () => {
  const doc = loadFixture('future-markup.html', 'own');
  const me = findSignedInEmail(doc);

  it('still finds sender, To and Cc of the message', () => {
    expect(findThreadParticipants(doc, me)).toEqual([
      participant('#msg-f:99', 'sender', 'sneha.kulkarni@acme-tech.example', 'Sneha Kulkarni'),
      participant('#msg-f:99', 'to', 'rahul.sharma@acme-tech.example', 'Rahul Sharma'),
      participant('#msg-f:99', 'cc', 'deepa.menon@kiran-logistics.example', null),
    ]);
  });

  it('still finds compose chips and typed addresses, never the avatar or body links', () => {
    expect(findComposeParticipants(doc, me)).toEqual([
      { email: 'vikram.reddy@bluestone.example', name: 'Vikram Reddy', role: 'to' },
      { email: 'ananya.iyer@bluestone.example', name: null, role: 'to' },
    ]);
    const all = findParticipantAnchors(doc, me);
    expect(all.map((a) => a.element.tagName)).not.toContain('IMG');
    expect(all.map((a) => a.email).join()).not.toMatch(/meera|accounts/);
  });
});
