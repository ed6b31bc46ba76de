// Runs in the content script's isolated world of the fixture Gmail page (same DOM and clock as
// the page; in Chromium it may open our closed shadow roots with chrome.dom). Inserts the thread kept in
// <template id="vivre-bench-thread"> and times, with performance.now() inside the
// page, how long until every expected chip has settled (a score, "+ Add" or an
// error, no longer busy), then until the next frame, when it is painted. hostsMs: when
// every expected chip host exists (maybe still loading). firstFrameMs: when the main thread was
// done with the first frame after the insert, at most (null if the chips had settled before it,
// and were painted in it). startAt: the insert's start as performance.timeOrigin + now(), a clock
// the worker's probe (lookup-requests-probe.js) reads too.
(() => {
  const dom = globalThis.chrome && globalThis.chrome.dom;
  // A host's root never changes: opened once, not at every check. Each chrome.dom call is an
  // extension API call, and the checks run in the very frames being timed (~2 ms a new tab).
  const roots = new WeakMap();
  const rootOf = (host) => {
    let root = roots.get(host);
    if (!root) {
      root =
        host.shadowRoot ||
        (dom && dom.openOrClosedShadowRoot ? dom.openOrClosedShadowRoot(host) : null);
      if (root) roots.set(host, root);
    }
    return root;
  };
  // The first chrome.dom call in a tab sets the API up: paid here, when the probe is installed,
  // not inside the insert it times (its calls were 4.1 → 1.7 ms a new tab's insert, CPU profiles).
  if (dom && dom.openOrClosedShadowRoot) dom.openOrClosedShadowRoot(document.documentElement);
  const settled = (host) => {
    const root = rootOf(host);
    const button = root && root.querySelector('button.chip');
    return Boolean(button) && button.getAttribute('aria-busy') !== 'true';
  };

  function removeThread() {
    for (const old of document.querySelectorAll('[data-vivre-bench-thread]')) old.remove();
  }

  // expected: emails whose chips must settle; null waits `discoverMs` and reports which did.
  function insertThread(expected, { timeoutMs = 10000, discoverMs = 3000 } = {}) {
    removeThread();
    const template = document.getElementById('vivre-bench-thread');
    const container = document.createElement('div');
    container.dataset.vivreBenchThread = '';
    container.append(template.content.cloneNode(true));
    const observers = [];
    let hostsMs = null;
    const watched = new WeakSet();

    return new Promise((resolve, reject) => {
      let finished = false;
      const finish = (outcome) => {
        if (finished) return;
        finished = true;
        observers.forEach((observer) => observer.disconnect());
        outcome();
      };
      const settledEmails = () =>
        [...container.querySelectorAll('[data-vivre-email]')]
          .filter(settled)
          .map((host) => host.dataset.vivreEmail);
      const check = () => {
        for (const host of container.querySelectorAll('[data-vivre-email]')) {
          // Chip contents live in shadow roots, which a document observer does not see.
          const root = rootOf(host);
          if (root && !watched.has(root)) {
            watched.add(root);
            const inner = new MutationObserver(check);
            inner.observe(root, {
              subtree: true,
              childList: true,
              attributes: true,
              characterData: true,
            });
            observers.push(inner);
          }
        }
        if (!expected) return;
        if (hostsMs === null) {
          const present = new Set(
            [...container.querySelectorAll('[data-vivre-email]')].map((h) => h.dataset.vivreEmail),
          );
          if (expected.every((email) => present.has(email))) hostsMs = performance.now() - start;
        }
        const done = new Set(settledEmails());
        if (!expected.every((email) => done.has(email))) return;
        const settledMs = performance.now() - start;
        finish(() =>
          requestAnimationFrame(() =>
            resolve({
              hostsMs,
              settledMs,
              frameMs: performance.now() - start,
              firstFrameMs,
              startAt: performance.timeOrigin + start,
            }),
          ),
        );
      };
      const outer = new MutationObserver(check);
      outer.observe(container, { subtree: true, childList: true });
      observers.push(outer);
      const start = performance.now();
      document.body.append(container);
      // When the tab's main thread is done with the first frame after the insert (Gmail's
      // thread and our hosts styled, laid out and painted): a task queued from that frame's
      // animation callbacks runs once the frame's rendering is over, or later if tasks queued
      // before it (an answer from the worker) run first. An answer that arrives during the
      // frame waits for it.
      let firstFrameMs = null;
      requestAnimationFrame(() => setTimeout(() => (firstFrameMs = performance.now() - start)));
      if (!expected) {
        setTimeout(
          () => finish(() => resolve({ emails: [...new Set(settledEmails())] })),
          discoverMs,
        );
      } else {
        setTimeout(
          () => finish(() => reject(new Error(`chips not settled: ${settledEmails().join(', ')}`))),
          timeoutMs,
        );
      }
    });
  }

  window.vivreBench = { insertThread, removeThread };
})();
