// Evaluated in the extension's worker by bench/chips.ts: times each lookup request the worker
// sends (GET /contacts?search=), sent → answered, as performance.timeOrigin + now(), the clock the
// page's probe gives its insert's start on (chips-probe.js: startAt). It wraps the worker's fetch
// once and only reads the time around it: what is sent, and when, is the extension's own.
(() => {
  if (globalThis.vivreLookupRequests) return;
  const now = () => performance.timeOrigin + performance.now();
  const requests = [];
  const send = globalThis.fetch;
  globalThis.fetch = function (input, init) {
    const url = String(input instanceof Request ? input.url : input);
    if (!url.includes('/contacts?search=')) return send.call(this, input, init);
    const request = { sentAt: now(), answeredAt: null };
    requests.push(request);
    return send.call(this, input, init).finally(() => (request.answeredAt = now()));
  };
  globalThis.vivreLookupRequests = {
    /** The requests timed since the last take, and forgets them. */
    take: () => requests.splice(0, requests.length),
  };
})();
