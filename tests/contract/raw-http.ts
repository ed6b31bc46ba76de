/**
 * Talking to the sandbox below `fetch`: raw bytes on a socket, so a test can send what no
 * HTTP client would (a broken request line, headers that never end, half a body) and see
 * exactly how the server answers, or that it closes the connection instead of hanging.
 */
import { connect, type Socket } from 'node:net';

export interface RawReply {
  /** The status of the first answer, or null when the server closed without one. */
  status: number | null;
  text: string;
  /** The server closed the connection (as opposed to the test giving up). */
  closed: boolean;
  ms: number;
}

/**
 * Sends `chunks` to the sandbox, `gapMs` apart, and collects what comes back until the
 * server closes or `waitMs` pass. Never throws on a reset: a refused or dropped connection
 * is an answer too.
 */
export function rawExchange(
  url: string,
  chunks: (string | Buffer)[],
  { waitMs = 2000, gapMs = 0 } = {},
): Promise<RawReply> {
  const { hostname, port } = new URL(url);
  const started = Date.now();
  return new Promise((resolve) => {
    const socket: Socket = connect(Number(port), hostname);
    let text = '';
    let settled = false;
    const finish = (closed: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      const match = /^HTTP\/1\.[01] (\d{3})/.exec(text);
      resolve({ status: match ? Number(match[1]) : null, text, closed, ms: Date.now() - started });
    };
    const timer = setTimeout(() => finish(false), waitMs);
    socket.on('data', (data) => (text += data.toString('latin1')));
    socket.on('close', () => finish(true));
    socket.on('error', () => finish(true));
    socket.on('connect', async () => {
      for (const chunk of chunks) {
        if (socket.destroyed) return;
        socket.write(chunk);
        if (gapMs > 0) await new Promise((resolve) => setTimeout(resolve, gapMs));
      }
    });
  });
}

/** The JSON body of a raw reply (after the blank line), or undefined. */
export function rawJson(reply: RawReply): unknown {
  const body = reply.text.slice(reply.text.indexOf('\r\n\r\n') + 4);
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}
