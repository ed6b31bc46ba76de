// Runs in the 100-row inbox page: in its main world (`vivreInboxMutate`, `vivreInboxMutations`, and the page without
// the extension) and in the content script's isolated world, where Chromium's chrome.dom opens
// our closed roots (what a row chip answered is only there: page script may not know it).
// `vivreInboxInsert()` puts the rows kept in <template id="vivre-bench-inbox"> into the page and
// times, with performance.now() and a frame counter, when the first row chip shows its answer
// and when all of them do, and when the rows were in the page (the end of the page's own insert,
// before any observer's callback: ours and this probe's run after it, in the same task).
// `vivreInboxMutate()` is Gmail-like churn on the list: rows added and removed, read/unread and
// hover classes toggled, checkbox states flipped, times replaced.
(() => {
  const dom = globalThis.chrome && globalThis.chrome.dom;
  // A host's root never changes: opened once, not at every frame's check (an extension API call
  // per row chip per frame, in the frames being timed).
  const roots = new WeakMap();
  const rootOf = (host) => {
    let root = roots.get(host);
    if (!root && dom) {
      root = dom.openOrClosedShadowRoot(host);
      if (root) roots.set(host, root);
    }
    return root;
  };
  const answered = (host) => {
    const face = rootOf(host)?.querySelector('[role=img]');
    return /AI score|not in Vivre/.test((face && face.getAttribute('aria-label')) || '');
  };
  const scored = () => [...document.querySelectorAll('vivre-row-chip')].filter(answered).length;

  window.vivreInboxInsert = (expected, timeoutMs = 10000) => {
    for (const old of document.querySelectorAll('[data-vivre-bench-inbox]')) old.remove();
    const container = document.createElement('div');
    container.dataset.vivreBenchInbox = '';
    let frames = 0;
    let counting = true;
    let check = () => {};
    // Answers change inside closed roots, which no document observer sees: checked every frame.
    const tick = () => {
      frames++;
      check();
      if (counting) requestAnimationFrame(tick);
    };
    return new Promise((resolve) => {
      let firstMs = null;
      let firstFrames = null;
      let insertedMs = null;
      const start = performance.now();
      check = () => {
        const n = scored();
        if (n > 0 && firstMs === null) [firstMs, firstFrames] = [performance.now() - start, frames];
        if (counting && n >= expected) {
          observer.disconnect();
          counting = false;
          resolve({ firstMs, firstFrames, insertedMs, allMs: performance.now() - start, chips: n });
        }
      };
      const observer = new MutationObserver(check);
      setTimeout(() => {
        if (counting) {
          observer.disconnect();
          counting = false;
          resolve({
            firstMs,
            firstFrames,
            insertedMs,
            allMs: performance.now() - start,
            chips: scored(),
          });
        }
      }, timeoutMs);
      observer.observe(document.body, {
        subtree: true,
        childList: true,
      });
      requestAnimationFrame(tick);
      container.append(document.getElementById('vivre-bench-inbox').content.cloneNode(true));
      document.body.append(container);
      insertedMs = performance.now() - start;
    });
  };

  // Counts records and rows from `vivreInboxMutations()` on; returns the page's `burst(n)` and
  // `end()`, so a benchmark can drive two pages' bursts in turn (bench/lib/side-by-side.ts).
  window.vivreInboxMutations = ({ perBurst }) => {
    let records = 0;
    // Rows arriving, and hosts of ours put on the page (drawn on rows that stayed near).
    let rowsAdded = 0;
    let hostsMade = 0;
    const count = (list) => {
      records += list.length;
      for (const record of list) {
        for (const node of record.addedNodes) {
          if (node.nodeType !== 1) continue;
          if (node.hasAttribute('data-vivre-host')) hostsMade++;
          else if (node.localName === 'tr') rowsAdded++;
        }
      }
    };
    const counter = new MutationObserver(count);
    counter.observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      characterData: true,
    });
    const tbody = document.querySelector('[data-vivre-bench-inbox] tbody');
    const rows = () => tbody.children;
    const pick = (list, i) => list[(i * 7919) % list.length];
    const operations = [
      (i) => {
        // A new conversation arrives (without our hosts: Gmail renders its rows itself).
        const row = pick(rows(), i).cloneNode(true);
        for (const host of row.querySelectorAll('[data-vivre-host]')) host.remove();
        tbody.append(row);
      },
      () => tbody.firstElementChild.remove(),
      (i) => pick(rows(), i).classList.toggle('aqw'), // hover
      (i) => pick(rows(), i).classList.toggle('zE'), // read / unread
      (i) =>
        pick(rows(), i)
          .querySelector('[role=checkbox]')
          ?.setAttribute('aria-checked', String(i % 2 === 0)),
      (i) => {
        const time = pick(rows(), i).querySelector('.xW span span');
        if (time) time.textContent = `${i % 60}m ago`;
      },
    ];
    // Hosts made while the bursts still came (up to the last one), apart from those made after.
    let hostsDuringBursts = 0;
    return {
      burst(burst) {
        count(counter.takeRecords());
        hostsDuringBursts = hostsMade;
        for (let i = 0, n = burst * perBurst; i < perBurst; i++, n++) {
          operations[n % operations.length](n);
        }
      },
      end() {
        count(counter.takeRecords());
        counter.disconnect();
        const nodes = document.getElementsByTagName('*').length;
        return { records, rowsAdded, hostsMade, hostsDuringBursts, nodes };
      },
    };
  };

  // All the bursts, a gap apart, run by the page itself.
  window.vivreInboxMutate = async ({ bursts, perBurst, gapMs }) => {
    const mutations = window.vivreInboxMutations({ perBurst });
    for (let burst = 0; burst < bursts; burst++) {
      mutations.burst(burst);
      await new Promise((resolve) => setTimeout(resolve, gapMs));
    }
    await new Promise((resolve) => setTimeout(resolve, 0));
    return mutations.end();
  };
})();
