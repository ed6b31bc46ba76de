/** Shown until the extension knows which workspace to log to. */
export function ConnectPrompt({ openOptions }: { openOptions: () => void }) {
  return (
    <section class="connect" aria-labelledby="connect-heading">
      <h1 id="connect-heading">Connect your Vivre workspace</h1>
      <p>Paste your API key and workspace ID once, and log calls from here in seconds.</p>
      <button type="button" onClick={openOptions}>
        Open Options
      </button>
    </section>
  );
}
