/* global chrome */
// Runs in the popup page (popup.html, as a tab): sends enqueueWrite to the worker exactly
// as the popup does (@webext-core/messaging's wire format) and times each answer.
// `padTo`: each note is padded to this many characters (a rep's long notes); `label` keeps
// the notes of separate calls apart.
window.vivreBenchEnqueue = async ({ count, warmup, contactId, padTo = 0, label = '' }) => {
  const send = (message) =>
    new Promise((resolve) => chrome.runtime.sendMessage(message, (answer) => resolve(answer)));
  const samples = [];
  const states = {};
  for (let i = 0; i < warmup + count; i++) {
    const note = `bench enqueue ${label}#${i} `.padEnd(padTo, 'x');
    const message = {
      id: i + 1,
      type: 'enqueueWrite',
      data: { write: { kind: 'logActivity', body: { contact_id: contactId, type: 'note', note } } },
      timestamp: Date.now(),
    };
    const start = performance.now();
    const answer = await send(message);
    const elapsed = performance.now() - start;
    const state = answer && answer.res && answer.res.ok ? answer.res.value.state : 'error';
    states[state] = (states[state] ?? 0) + 1;
    if (i >= warmup) samples.push(elapsed);
  }
  return { samples, states };
};
