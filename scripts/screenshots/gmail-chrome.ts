/**
 * The page chrome the Gmail fixtures lack (top bar with search, nav rail with Compose and
 * labels, the view's toolbar, avatar circles), built with DOM APIs inside the fixture page,
 * plus our own stylesheets (gmail-look/*.css). For the pictures only: tests never load it.
 * Everything added is marked `data-screenshot-chrome` and carries no addresses, so the
 * content script finds no one in it.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { ICONS } from './icons';

export type GmailView = 'thread' | 'list' | 'compose';

export interface ChromeOptions {
  view: GmailView;
  /** The signed-in rep, for the avatar at the top right. */
  account: string;
  /** Unread count beside Inbox in the nav rail. */
  unread: number;
}

/** A decorative row of the inbox drawn behind the compose dialog. */
export type BackdropRow = [
  from: string,
  subject: string,
  snippet: string,
  time: string,
  unread?: 'unread',
];

/** Our stylesheets (gmail-look/): the page and its chrome first, then each view's. */
const GMAIL_LOOK = ['page', 'thread', 'list', 'compose']
  .map((name) => readFileSync(new URL(`./gmail-look/${name}.css`, import.meta.url), 'utf8'))
  .join('\n');

/** Colours for avatar circles, chosen by the person's name so a person keeps theirs. */
const AVATAR_COLOURS = [
  '#5c6bc0',
  '#00897b',
  '#ef6c00',
  '#8e24aa',
  '#c2185b',
  '#546e7a',
  '#7cb342',
];

/**
 * Runs in the page. Playwright sends this function's source text, so it must not close over
 * anything from this module; tsx wraps inner functions in `__name(…)`, which the page is given
 * first (see `dressAsGmail`).
 */
function buildChrome(
  options: ChromeOptions & { icons: typeof ICONS; colours: string[]; rows: BackdropRow[] },
) {
  const { icons, colours } = options;
  const el = (tag: string, className: string, ...children: (Node | string)[]) => {
    const node = document.createElement(tag);
    node.className = className;
    node.setAttribute('data-screenshot-chrome', '');
    node.append(...children);
    return node;
  };
  const icon = (name: string) => {
    const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('class', 'shots-icon');
    svg.setAttribute('aria-hidden', 'true');
    for (const d of icons[name] ?? []) {
      const path = document.createElementNS('http://www.w3.org/2000/svg', 'path');
      const filled = d.startsWith('fill:');
      path.setAttribute('d', filled ? d.slice(5) : d);
      path.setAttribute('fill', filled ? 'currentColor' : 'none');
      if (!filled) {
        path.setAttribute('stroke', 'currentColor');
        path.setAttribute('stroke-width', '1.8');
        path.setAttribute('stroke-linecap', 'round');
        path.setAttribute('stroke-linejoin', 'round');
      }
      svg.append(path);
    }
    return svg;
  };
  const button = (name: string) => el('span', 'shots-icon-button', icon(name));
  const avatar = (name: string) => {
    const circle = el('span', 'shots-avatar', (name.trim()[0] ?? '?').toUpperCase());
    const hash = [...name].reduce((sum, char) => sum + char.charCodeAt(0), 0);
    circle.style.background = colours[hash % colours.length] ?? '#5c6bc0';
    return circle;
  };

  // Top bar: menu, the mail product's mark, search, and the account.
  const mark = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  mark.setAttribute('viewBox', '0 0 32 24');
  mark.setAttribute('width', '36');
  mark.setAttribute('height', '27');
  const strokes: [string, string][] = [
    ['#4285f4', 'M3 21V7'],
    ['#34a853', 'M29 21V7'],
    ['#ea4335', 'M3 5l13 10 13-10'],
    ['#fbbc04', 'M29 5v2'],
    ['#c5221f', 'M3 5v2'],
  ];
  for (const [colour, d] of strokes) {
    const path = document.createElementNS('http://www.w3.org/2000/svg', 'path');
    path.setAttribute('d', d);
    path.setAttribute('fill', 'none');
    path.setAttribute('stroke', colour);
    path.setAttribute('stroke-width', '4');
    path.setAttribute('stroke-linecap', 'round');
    path.setAttribute('stroke-linejoin', 'round');
    mark.append(path);
  }
  const search = el(
    'div',
    'shots-search',
    icon('search'),
    el('span', 'shots-grow', 'Search mail'),
    icon('filters'),
  );
  const topbar = el(
    'header',
    'shots-topbar',
    button('menu'),
    el('span', 'shots-brand', mark, 'Gmail'),
    search,
    el(
      'span',
      'shots-topbar-end',
      button('help'),
      button('settings'),
      button('apps'),
      avatar(options.account),
    ),
  );

  // Nav rail: Compose, the system labels, then the rep's own labels.
  const item = (iconName: string, text: string, extra?: string, current = false) => {
    const row = el('div', 'shots-nav-item', icon(iconName), text);
    if (extra) row.append(el('span', 'shots-count', extra));
    if (current) row.setAttribute('aria-current', 'page');
    return row;
  };
  const nav = el(
    'nav',
    'shots-nav',
    el('div', 'shots-compose-button', icon('pencil'), 'Compose'),
    item('inbox', 'Inbox', String(options.unread), true),
    item('star', 'Starred'),
    item('snoozed', 'Snoozed'),
    item('sent', 'Sent'),
    item('drafts', 'Drafts', '3'),
    item('more', 'More'),
    el('div', 'shots-nav-heading', el('span', '', 'Labels'), el('span', '', '+')),
    item('label', 'Customers'),
    item('label', 'Pipeline'),
    item('label', 'Suppliers'),
  );
  // The side panel's app launchers (calendar, notes, tasks, contacts) at the right edge.
  const side = el('aside', 'shots-side');
  for (const colour of ['#1a73e8', '#fbbc04', '#1967d2', '#188038']) {
    const app = el('span', 'shots-side-app');
    app.style.background = colour;
    side.append(app);
  }
  document.body.prepend(topbar, nav, side);

  const toolbar = (...names: string[]) => {
    const bar = el('div', 'shots-toolbar');
    for (const name of names) bar.append(name === '|' ? el('span', 'shots-gap') : button(name));
    return bar;
  };
  const main = document.querySelector('[role=main]');

  if (options.view === 'thread' && main) {
    const bar = toolbar('back', '|', 'archive', 'spam', 'trash', '|', 'unread', 'snooze', 'dots');
    bar.append(el('span', 'shots-grow'), '1 of 24', button('print'), button('open'));
    main.prepend(bar);
    main.querySelector('h2')?.append(el('span', 'shots-label-tag', 'Inbox'));
    const answer = (iconName: string, text: string) =>
      el('span', 'shots-pill', icon(iconName), text);
    main.append(el('div', 'shots-answers', answer('reply', 'Reply'), answer('forward', 'Forward')));
    // Gmail's avatar is a photo this page cannot load: a circle with the initial instead.
    for (const img of document.querySelectorAll('img[jid][data-name]')) {
      img.after(avatar(img.getAttribute('data-name') ?? ''));
    }
  }

  const tabs = () => {
    const tab = (iconName: string, text: string, selected = false) => {
      const node = el('div', 'shots-tab', icon(iconName), text);
      node.setAttribute('aria-selected', String(selected));
      return node;
    };
    return el(
      'div',
      'shots-tabs',
      tab('inbox', 'Primary', true),
      tab('tag', 'Promotions'),
      tab('people', 'Social'),
      tab('info', 'Updates'),
    );
  };
  const listBar = (count: string) => {
    const bar = toolbar('box', 'more', 'refresh', 'dots');
    bar.append(el('span', 'shots-grow'), count);
    return bar;
  };

  if (options.view === 'list' && main) main.prepend(listBar('1–50 of 326'), tabs());

  if (options.view === 'compose') {
    const list = el('div', 'shots-main', listBar(`1–${options.rows.length} of 214`), tabs());
    for (const [from, subject, snippet, time, unread] of options.rows) {
      const line = el(
        'div',
        'shots-row',
        el('span', 'shots-box'),
        icon('star'),
        el('span', '', from),
        el('span', '', subject, el('span', 'shots-snippet', ` - ${snippet}`)),
        el('span', 'shots-time', time),
      );
      if (unread) line.setAttribute('data-unread', '');
      list.append(line);
    }
    nav.after(list);
  }
}

/** Gives a loaded fixture page Gmail's look: our stylesheet, then the chrome around the view. */
export async function dressAsGmail(
  page: Page,
  options: ChromeOptions,
  rows: BackdropRow[] = [],
): Promise<void> {
  await page.addStyleTag({ content: GMAIL_LOOK });
  await page.evaluate('globalThis.__name ??= (fn) => fn');
  await page.evaluate(buildChrome, { ...options, icons: ICONS, colours: AVATAR_COLOURS, rows });
}
