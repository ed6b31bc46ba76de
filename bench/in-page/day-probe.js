// Runs in the "day in a tab" page's main world: the thread, the 100-row inbox and a compose
// window are kept inert in <template>s, and each `vivreDay.*` call shows one view the way Gmail
// swaps its main view (the old one removed, the new one inserted). Addresses are rewritten per
// view, so a day's inbox pages bring thousands of people the worker has never seen.
(() => {
  const VIEW = 'data-vivre-day-view';
  const ADDRESS_ATTRIBUTES = ['email', 'data-hovercard-id'];

  function clear() {
    for (const old of document.querySelectorAll(`[${VIEW}]`)) old.remove();
  }

  /** The template's content with every outside address mapped through `rename`. */
  function cloneWith(templateId, rename) {
    const fragment = document.getElementById(templateId).content.cloneNode(true);
    for (const name of ADDRESS_ATTRIBUTES) {
      for (const node of fragment.querySelectorAll(`[${name}*="@"]`)) {
        node.setAttribute(name, rename(node.getAttribute(name), node));
      }
    }
    return fragment;
  }

  function show(kind, fragment, keep = false) {
    if (!keep) clear();
    const container = document.createElement('div');
    container.setAttribute(VIEW, kind);
    container.append(fragment);
    document.body.append(container);
  }

  const local = (address) => address.split('@')[0];
  const twoFrames = () =>
    new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  // A rep reads what opens: the view stays until the browser has been idle once, when the
  // extension does what waits for idle time (loading email logging for a thread or a compose).
  const idle = () => new Promise((done) => requestIdleCallback(done, { timeout: 500 }));

  window.vivreDay = {
    /** Thread `n`: one of 50 casts of people, so most opens meet people seen before. */
    openThread(n) {
      const cast = n % 50;
      show(
        'thread',
        cloneWith('vivre-day-thread', (a) => `${local(a)}.${cast}@cast${cast}.example`),
      );
    },
    /**
     * Inbox page `n`: 100 rows of people never seen before (the rep's own domain kept). Returns
     * the page's outside addresses.
     */
    openInbox(n, ownDomain) {
      const rows = new Map();
      const rowOf = (node) => {
        const row = node.closest('[role="row"]');
        if (!rows.has(row)) rows.set(row, rows.size);
        return rows.get(row);
      };
      const outside = new Set();
      const rename = (a, node) => {
        if (a.endsWith(`@${ownDomain}`)) return a;
        const address = `${local(a)}.p${n}r${rowOf(node)}@page${n % 40}.example`;
        outside.add(address);
        return address;
      };
      show('inbox', cloneWith('vivre-day-inbox', rename));
      return [...outside];
    },
    /**
     * Thread `n` shown, and the ms until two frames later (when its chips are drawn); returns
     * once the browser has been idle.
     */
    async timeThread(n) {
      const start = performance.now();
      this.openThread(n);
      await twoFrames();
      const ms = performance.now() - start;
      await idle();
      return ms;
    },
    /** A compose window over the current view, drawn, then closed once the browser is idle. */
    async openAndCloseCompose(n) {
      show(
        'compose',
        cloneWith('vivre-day-compose', (a) => `${local(a)}.c${n}@compose.example`),
        true,
      );
      await twoFrames();
      await idle();
      for (const old of document.querySelectorAll(`[${VIEW}="compose"]`)) old.remove();
    },
    clear,
    /** Our hosts on the page (the card's one host excepted), and nodes in the document. */
    count() {
      const hosts = [...document.querySelectorAll('[data-vivre-host]')].filter(
        (host) => host.localName !== 'vivre-card',
      ).length;
      return { hosts, elements: document.getElementsByTagName('*').length };
    },
  };
})();
