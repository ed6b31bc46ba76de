/**
 * Where the sandbox may send webhooks. It runs on a developer's machine with published
 * admin keys, so a registered URL must not turn it into a port scanner of the developer's
 * network or a way to POST to other hosts: by default only this machine (loopback) is
 * allowed, and `--webhooks-anywhere` widens that to any host except link-local addresses
 * (cloud metadata services live there) and the unspecified address, which are never allowed.
 *
 * Checked twice: when a webhook is registered (the URL's host), and when each delivery
 * connects (every address the name resolves to), so a name that resolves elsewhere later
 * (DNS rebinding) is caught at the moment it matters.
 */
import { lookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { BlockList, isIP } from 'node:net';

export type WebhookReach = 'loopback' | 'anywhere';

const loopback = new BlockList();
loopback.addSubnet('127.0.0.0', 8, 'ipv4');
loopback.addAddress('::1', 'ipv6');

const linkLocal = new BlockList();
linkLocal.addSubnet('169.254.0.0', 16, 'ipv4');
linkLocal.addSubnet('fe80::', 10, 'ipv6');

/** "This host on this network": connecting there reaches this machine by the back door. */
const unspecified = new BlockList();
unspecified.addSubnet('0.0.0.0', 8, 'ipv4');
unspecified.addAddress('::', 'ipv6');

/** `::ffff:169.254.1.1` is 169.254.1.1: judge IPv4-mapped addresses as what they map to. */
function plain(address: string): { address: string; family: 'ipv4' | 'ipv6' } {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return { address: mapped[1]!, family: 'ipv4' };
  return { address, family: isIP(address) === 6 ? 'ipv6' : 'ipv4' };
}

function judge(address: string, reach: WebhookReach): string | null {
  const ip = plain(address);
  if (linkLocal.check(ip.address, ip.family)) {
    return `${address} is a link-local address; webhooks are never sent there.`;
  }
  if (unspecified.check(ip.address, ip.family)) {
    return `${address} is not an address a webhook can be sent to.`;
  }
  if (reach === 'loopback' && !loopback.check(ip.address, ip.family)) {
    return `${address} is not this machine; the sandbox sends webhooks to this machine only (start it with --webhooks-anywhere to allow more).`;
  }
  return null;
}

/** Why a webhook URL may not be registered, or null when it may. */
export function checkWebhookUrl(raw: string, reach: WebhookReach): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'The URL is not valid.';
  }
  if (url.username || url.password) return 'The URL must not contain a user name or password.';
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  if (isIP(host) !== 0) return judge(host, reach);
  if (host === 'localhost' || host.endsWith('.localhost')) return null;
  return reach === 'anywhere'
    ? null
    : `${host} is not this machine; the sandbox sends webhooks to this machine only (start it with --webhooks-anywhere to allow more).`;
}

/** Why a delivery must not connect to these resolved addresses, or null when it may. */
export function checkResolvedAddresses(addresses: string[], reach: WebhookReach): string | null {
  if (addresses.length === 0) return 'The name resolved to no address.';
  for (const address of addresses) {
    const problem = judge(address, reach);
    if (problem) return problem;
  }
  return null;
}

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/**
 * A `lookup` for http.request: resolves as usual, then refuses the connection unless every
 * address the name has is allowed. (Literal IPs skip lookups: deliveries check them first.)
 */
export function guardedLookup(reach: WebhookReach) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      const problem = checkResolvedAddresses(
        addresses.map((entry) => entry.address),
        reach,
      );
      if (problem) return callback(Object.assign(new Error(problem), { code: 'EREFUSED' }), []);
      if (options.all) return callback(null, addresses);
      callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
}
