/**
 * The web-ext lint findings in third-party code that we have read and accept, each
 * tied to the code it names, and a way to read that code out of the archive.
 */
import { readFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';

export interface Finding {
  _type: 'error' | 'warning' | 'notice';
  code: string;
  message: string;
  file?: string;
  line?: number;
  column?: number;
}

interface Accepted {
  code: string;
  why: string;
  /** Must match the flagged source around the finding's position. */
  signature: RegExp;
}

const ACCEPTED: Accepted[] = [
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    why:
      "Preact's DOM diff assigns `dangerouslySetInnerHTML.__html` to innerHTML. Our code never " +
      'passes that prop (ESLint forbids it), so the branch never runs with any data of ours.',
    signature: /\.__html==\w+\.innerHTML\)\|\|\(\w+\.innerHTML=\w+\.__html\)|\w+\.innerHTML=""/,
  },
];

/**
 * The one finding in our own manifest that we accept, in the Chrome package only. Chrome's side
 * panel (the panel beside the email, entrypoints/sidepanel/) needs the `sidePanel` permission, or
 * `chrome.sidePanel` is not there to open it (tried: undefined without it). Firefox has no such
 * permission: the linter, reading the Chrome package as Firefox would, calls it invalid, and
 * Firefox, installing that package, ignores it with the same warning (its sidebar is
 * `sidebar_action`, in the Firefox package, which has no `sidePanel`).
 */
const ACCEPTED_IN_CHROME_MANIFEST: Accepted[] = [
  {
    code: 'MANIFEST_PERMISSIONS',
    why: "Chrome's side panel API; unknown to Firefox, which ignores it.",
    signature: /^\/permissions: Invalid permissions "sidePanel" at \d+\.$/,
  },
];

/** Whether `finding` is the Chrome package's side panel permission (and nothing else). */
export function isAcceptedChromeManifest(archive: string, finding: Finding): boolean {
  return (
    archive.endsWith('-chrome.zip') &&
    finding._type === 'warning' &&
    finding.file === 'manifest.json' &&
    ACCEPTED_IN_CHROME_MANIFEST.some(
      (a) => a.code === finding.code && a.signature.test(finding.message),
    )
  );
}

export function isCheckedThirdParty(finding: Finding, source: string | null): boolean {
  if (finding._type !== 'warning' || source === null) return false;
  return ACCEPTED.some((a) => a.code === finding.code && a.signature.test(source));
}

/** ~200 characters of the flagged file around the finding, or null when it has no position. */
export function findingSource(archive: string, finding: Finding): string | null {
  if (!finding.file || !finding.line) return null;
  const text = readZipEntry(archive, finding.file);
  if (text === null) return null;
  const line = text.split('\n')[finding.line - 1] ?? '';
  const column = finding.column ?? 0;
  return line.slice(Math.max(0, column - 120), column + 120);
}

/** Reads one stored or deflated entry through the zip's central directory. */
function readZipEntry(archive: string, name: string): string | null {
  const zip = readFileSync(archive);
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) return null;
  let at = zip.readUInt32LE(end + 16);
  for (let i = 0; i < zip.readUInt16LE(end + 10); i++) {
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const skip = nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    if (zip.toString('utf8', at + 46, at + 46 + nameLength) === name) {
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + size);
      return (method === 8 ? inflateRawSync(data) : data).toString('utf8');
    }
    at += 46 + skip;
  }
  return null;
}
