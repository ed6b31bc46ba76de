// Runs in the Gmail content script's isolated world (evaluateInContentScript), which sees the
// same DOM and performance timeline as the page and, in Chromium, may open our closed shadow
// roots with chrome.dom.openOrClosedShadowRoot. Times a card from the click on a chip to the
// card drawn for that person with its answer (no longer "Looking up…"):
// - a card inside the chip's shadow root (before the card moved into a frame): until its dialog
//   holds the answer;
// - a card in an extension frame: until the frame is shown (not inert, not transparent); the
//   card's own mark of its answer is read from inside the frame by the bench (bench/card.ts).
// Times are absolute (performance.timeOrigin + …), so they compare with the frame's.
(() => {
  const dom = globalThis.chrome && globalThis.chrome.dom;
  const rootOf = (element) =>
    element.shadowRoot ||
    (dom && dom.openOrClosedShadowRoot ? dom.openOrClosedShadowRoot(element) : null);
  const now = () => performance.timeOrigin + performance.now();
  let clickAt = null;
  window.addEventListener(
    'click',
    (event) => {
      if (event.target instanceof Element && event.target.closest('[data-vivre-email]')) {
        clickAt = performance.timeOrigin + event.timeStamp;
      }
    },
    true,
  );

  function inChipCard(host) {
    const root = rootOf(host);
    const dialog = root && root.querySelector('[role="dialog"]');
    return Boolean(dialog) && !dialog.textContent.includes('Looking up');
  }

  function framedShown() {
    const host = document.querySelector('vivre-card');
    const root = host && rootOf(host);
    const frame = root && root.querySelector('iframe');
    return Boolean(frame) && !frame.hasAttribute('inert') && !frame.classList.contains('measuring');
  }

  // Resolves once the card opened by the last click on `email`'s first chip is drawn.
  function waitForCard(email, timeoutMs = 10000) {
    const host = document.querySelector(`[data-vivre-email="${email}"]`);
    return new Promise((resolve, reject) => {
      const observers = [];
      const watched = new Set();
      const check = () => {
        const card = document.querySelector('vivre-card');
        // The frame's host is made on the first hover of a chip, maybe after this started.
        if (card && !watched.has(card)) {
          watched.add(card);
          watch(rootOf(card));
        }
        const framed = Boolean(card);
        if (!(framed ? framedShown() : inChipCard(host))) return;
        const shownAt = now();
        observers.forEach((observer) => observer.disconnect());
        resolve({ clickAt, shownAt, framed });
      };
      const watch = (target) => {
        if (!target) return;
        const observer = new MutationObserver(check);
        observer.observe(target, {
          subtree: true,
          childList: true,
          attributes: true,
          characterData: true,
        });
        observers.push(observer);
      };
      watch(document.body);
      watch(rootOf(host));
      check();
      setTimeout(() => {
        observers.forEach((observer) => observer.disconnect());
        reject(new Error(`no card for ${email}`));
      }, timeoutMs);
    });
  }

  let pending = null;
  window.vivreCardBench = {
    now,
    /** Starts waiting for `email`'s card; the bench clicks, then collects. */
    arm(email) {
      clickAt = null;
      pending = waitForCard(email);
      pending.catch(() => {});
      return true;
    },
    collect: () => pending,
  };
})();
