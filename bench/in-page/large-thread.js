// Inline at the end of the bench's large Gmail-like page: builds, before the content
// script runs, a thread of 100 expanded messages (cloned from the real 2025 markup,
// each with its own message id) inside Gmail-like chrome: a label list and an inbox list.
(() => {
  const MESSAGES = 100;
  const template = document.getElementById('vivre-bench-thread').content;
  const sources = [...template.querySelectorAll('[role=listitem]')];
  const main = template.querySelector('[role=main]').cloneNode(false);
  main.append(template.querySelector('.ha').cloneNode(true));
  const list = document.createElement('div');
  list.setAttribute('role', 'list');
  for (let i = 0; i < MESSAGES; i++) {
    const message = sources[i % sources.length].cloneNode(true);
    const container = message.querySelector('[data-message-id]');
    container.setAttribute('data-message-id', `#msg-f:bench${i}`);
    container.setAttribute('data-legacy-message-id', `bench${i.toString(16)}`);
    list.append(message);
  }
  main.append(list);

  const nav = document.createElement('div');
  nav.setAttribute('role', 'navigation');
  for (let i = 0; i < 60; i++) {
    const link = document.createElement('a');
    link.href = `#label/${i}`;
    link.textContent = `Label ${i}`;
    nav.append(link);
  }
  const inbox = document.createElement('div');
  inbox.dataset.benchInbox = '';
  for (let i = 0; i < 100; i++) inbox.append(window.vivreBenchRow(i));
  document.body.append(nav, main, inbox);
})();
