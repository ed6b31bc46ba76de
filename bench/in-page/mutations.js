// Gmail-like churn in bursts: rows added and removed, classes and ARIA states toggled,
// text replaced, nodes added inside message bodies. Every operation is one
// MutationRecord; a page observer counts them, with or without the extension alike.
(() => {
  function pick(list, i) {
    return list[(i * 7919) % list.length];
  }

  window.vivreBenchMutate = async ({ bursts, perBurst, gapMs }) => {
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
    const start = performance.now();
    let n = 0;
    for (let burst = 0; burst < bursts; burst++) {
      for (let i = 0; i < perBurst; i++, n++) operations[n % operations.length](n);
      await new Promise((resolve) => setTimeout(resolve, gapMs));
    }
    await new Promise((resolve) => setTimeout(resolve, 0));
    counter.disconnect();
    return {
      records,
      ms: performance.now() - start,
      nodes: document.getElementsByTagName('*').length,
    };
  };
})();
