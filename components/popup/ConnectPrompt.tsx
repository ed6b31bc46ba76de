import { VivreMark } from '../common/VivreMark';

/** Shown until the extension knows which workspace to log to: what to get, where, and the way there. */
export function ConnectPrompt({ openOptions }: { openOptions: () => void }) {
  return (
    <main class="connect" aria-labelledby="connect-heading">
      <VivreMark size={40} />
      <h1 id="connect-heading">Connect your Vivre workspace</h1>
      <p>
        You need an API key and your workspace ID: in Vivre, open{' '}
        <strong>Settings → API keys</strong>, create a key with write access, and copy both.
      </p>
      <p class="muted">Paste them once in Options, then log calls from here in seconds.</p>
      <button type="button" class="filled" onClick={openOptions}>
        Open Options
      </button>
    </main>
  );
}
