/**
 * The chrome's icons (gmail-chrome.ts): SVG stroke paths on a 24×24 grid, drawn for these
 * pictures (not Gmail's sprites). Each string is one `d` attribute; `fill:` marks a filled path.
 */
export const ICONS: Record<string, string[]> = {
  menu: ['M3 6h18M3 12h18M3 18h18'],
  search: ['M15.5 15.5L21 21', 'M10.5 4a6.5 6.5 0 1 1 0 13a6.5 6.5 0 1 1 0-13z'],
  filters: ['M4 7h10M18 7h2M4 17h2M10 17h10', 'M14 5v4M6 15v4'],
  help: [
    'M12 3a9 9 0 1 1 0 18a9 9 0 1 1 0-18z',
    'M9.5 9.5a2.5 2.5 0 1 1 3.5 2.3c-.7.4-1 .9-1 1.7',
    'M12 17v.5',
  ],
  settings: [
    'M12 9a3 3 0 1 1 0 6a3 3 0 1 1 0-6z',
    'M12 2v3M12 19v3M2 12h3M19 12h3M5 5l2 2M17 17l2 2M5 19l2-2M17 7l2-2',
  ],
  apps: [
    'fill:M5 4h2v2H5zM11 4h2v2h-2zM17 4h2v2h-2zM5 11h2v2H5zM11 11h2v2h-2zM17 11h2v2h-2zM5 18h2v2H5zM11 18h2v2h-2zM17 18h2v2h-2z',
  ],
  pencil: ['M4 20h4L19 9l-4-4L4 16z', 'M13 7l4 4'],
  inbox: ['M3 13l3-8h12l3 8v6H3z', 'M3 13h5l1.5 3h5l1.5-3h5'],
  star: ['M12 3.5l2.6 5.6 6 .6-4.5 4 1.3 6-5.4-3.1-5.4 3.1 1.3-6-4.5-4 6-.6z'],
  snoozed: ['M12 3a9 9 0 1 1 0 18a9 9 0 1 1 0-18z', 'M12 7v5l3 2'],
  sent: ['M3 20l18-8L3 4v6l12 2-12 2z'],
  drafts: ['M6 3h8l5 5v13H6z', 'M14 3v5h5'],
  more: ['M6 9l6 6 6-6'],
  label: ['M4 6h11l5 6-5 6H4z'],
  back: ['M20 12H5', 'M11 6l-6 6 6 6'],
  reply: ['M10 7l-6 5 6 5', 'M4 12h9a7 7 0 0 1 7 7'],
  forward: ['M14 7l6 5-6 5', 'M20 12h-9a7 7 0 0 0-7 7'],
  archive: ['M3 4h18v4H3z', 'M5 8v12h14V8', 'M10 12h4'],
  spam: ['M8 3h8l5 5v8l-5 5H8l-5-5V8z', 'M12 7v6M12 16v.5'],
  trash: ['M5 7h14', 'M9 7V4h6v3', 'M7 7l1 13h8l1-13'],
  unread: ['M3 5h18v14H3z', 'M3 6l9 7 9-7'],
  snooze: ['M12 4a8 8 0 1 1 0 16a8 8 0 1 1 0-16z', 'M12 8v4l3 2'],
  dots: ['fill:M10 4h4v4h-4zM10 10h4v4h-4zM10 16h4v4h-4z'],
  refresh: ['M20 12a8 8 0 1 1-2.3-5.7', 'M20 4v5h-5'],
  box: ['M5 5h14v14H5z'],
  people: [
    'M9 11a3 3 0 1 1 0-6a3 3 0 1 1 0 6z',
    'M3 19c0-3 3-5 6-5s6 2 6 5',
    'M16 5.5a3 3 0 0 1 0 5.5M18 14c2 .6 3 2.5 3 5',
  ],
  tag: ['M3 12V4h8l10 10-7 7z', 'M7.5 8.5v.1'],
  info: ['M12 3a9 9 0 1 1 0 18a9 9 0 1 1 0-18z', 'M12 11v6M12 7.5v.5'],
  print: ['M7 9V3h10v6', 'M5 9h14v8H5z', 'M8 14h8v7H8z'],
  open: ['M14 4h6v6', 'M20 4l-9 9', 'M18 14v6H4V6h6'],
};
