// Gmail-like churn in bursts: rows added and removed, classes and ARIA states toggled,
// text replaced, nodes added inside message bodies. Every operation is one
// MutationRecord; a page observer counts them, with or without the extension alike.
// `vivreBenchMutations()` starts counting and returns the page's `burst(n)` and `end()`, so a
// benchmark can drive two pages' bursts in turn (bench/lib/side-by-side.ts);
// `vivreBenchMutate()` runs all the bursts itself, a gap apart.
(() => {
  function pick(list, i) {
    return list[(i * 7919) % list.length];
  }

  window.vivreBenchMutations = ({ perBurst }) => {
    let records = 0;
    const counter = new MutationObserver((list) => (records += list.length));
    counter.observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      characterData: true,
    });
    const inbox = document.querySelector('[data-bench-inbox]');
    const messages = [...document.querySelectorAll('[role=listitem]')];
    const bodies = [...document.querySelectorAll('.a3s')];
    const added = [];
    const operations = [
      (i) => inbox.append(window.vivreBenchRow(1000 + i)),
      () => inbox.firstElementChild.remove(),
      (i) => pick(messages, i).classList.toggle('bench-hover'),
      (i) => (pick(inbox.children, i).lastElementChild.textContent = `${i % 60}m ago`),
      (i) => pick(messages, i).setAttribute('aria-expanded', String(i % 2 === 0)),
      (i) => {
        const node = document.createElement('div');
        node.textContent = `loaded ${i}`;
        pick(bodies, i).append(node);
        added.push(node);
      },
      () => added.shift()?.remove(),
    ];
    return {
      burst(burst) {
        for (let i = 0, n = burst * perBurst; i < perBurst; i++, n++) {
          operations[n % operations.length](n);
        }
      },
      end() {
        records += counter.takeRecords().length;
        counter.disconnect();
        return { records, nodes: document.getElementsByTagName('*').length };
      },
    };
  };

  window.vivreBenchMutate = async ({ bursts, perBurst, gapMs }) => {
    const mutations = window.vivreBenchMutations({ perBurst });
    for (let burst = 0; burst < bursts; burst++) {
      mutations.burst(burst);
      await new Promise((resolve) => setTimeout(resolve, gapMs));
    }
    await new Promise((resolve) => setTimeout(resolve, 0));
    return mutations.end();
  };
})();
