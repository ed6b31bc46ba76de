/* global chrome */
// Runs in the popup page (popup.html, as a tab): sends enqueueWrite to the worker exactly
// as the popup does (@webext-core/messaging's wire format) and times each answer.
// `padTo`: each note is padded to this many characters (a rep's long notes); `alternate`: only
// every other timed note is (the others stay short, so short notes can be timed at any size of
// the queue beside long ones); `label` keeps the notes of separate calls apart.
window.vivreBenchEnqueue = async ({
  count,
  warmup,
  contactId,
  padTo = 0,
  alternate = false,
  label = '',
}) => {
  const send = (message) =>
    new Promise((resolve) => chrome.runtime.sendMessage(message, (answer) => resolve(answer)));
  const samples = [];
  const shortSamples = [];
  const states = {};
  for (let i = 0; i < warmup + count; i++) {
    const short = alternate && i >= warmup && (i - warmup) % 2 === 1;
    const note = `bench enqueue ${label}#${i} `.padEnd(short ? 0 : padTo, 'x');
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
    if (i >= warmup) (short ? shortSamples : samples).push(elapsed);
  }
  return { samples, shortSamples, states };
};
