/**
 * Writes of one stored value, one after another. Two read-then-write callers at once (options
 * saving while a Gmail tab records its account, or the organisation's policy being applied)
 * would otherwise each write the other's change away. The worker is the only writer of every
 * preference, and one runs per browser, so a chain in memory is enough.
 */
type InTurn = <R>(step: () => Promise<R>) => Promise<R>;

export function writesInTurn(): InTurn {
  let writes: Promise<unknown> = Promise.resolve();
  return (step) => {
    const done = writes.then(step);
    // A failed write is its caller's to report; the next one still runs.
    writes = done.catch(() => undefined);
    return done;
  };
}
