// A Gmail-like inbox row: the kind of node Gmail adds and removes all the time.
window.vivreBenchRow = (i) => {
  const row = document.createElement('div');
  row.setAttribute('role', 'row');
  for (const text of [`Sender ${i}`, `Subject line ${i}`, `Snippet of message ${i}`, '10:42']) {
    const span = document.createElement('span');
    span.textContent = text;
    row.append(span);
  }
  return row;
};
