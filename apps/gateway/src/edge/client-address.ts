import { BlockList, isIP } from 'node:net';

const plain = (address: string): string => address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');
const family = (address: string): 'ipv4' | 'ipv6' => (isIP(address) === 6 ? 'ipv6' : 'ipv4');

/** GATEWAY_TRUSTED_PROXIES entries: addresses or CIDR ranges (`10.0.0.0/8`, `::1`). */
export function trustedProxies(entries: readonly string[]): BlockList | null {
  if (entries.length === 0) return null;
  const list = new BlockList();
  for (const entry of entries) {
    const [address = '', prefix] = entry.split('/');
    if (!isIP(address)) throw new Error(`GATEWAY_TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR range`);
    if (prefix === undefined) list.addAddress(address, family(address));
    else list.addSubnet(address, Number(prefix), family(address));
  }
  return list;
}

/**
 * The address per-IP rate limits key on. Without trusted proxies it is the socket's peer, so a
 * client cannot pick its own by sending X-Forwarded-For. Behind trusted proxies (a load balancer)
 * it is the right-most X-Forwarded-For hop that is not itself a trusted proxy: the left-most
 * entries are whatever the client wrote.
 */
export function clientAddress(peer: string | undefined, forwardedFor: string | string[] | undefined, trusted: BlockList | null): string {
  let address = plain(peer ?? 'unknown');
  const isTrusted = (a: string) => trusted !== null && isIP(a) !== 0 && trusted.check(a, family(a));
  if (!isTrusted(address) || forwardedFor === undefined) return address;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor).split(',').map((h) => plain(h.trim())).filter(Boolean);
  for (const hop of hops.reverse()) {
    if (!isIP(hop)) return address; // garbage from the client side: keep the last hop we could vouch for
    address = hop;
    if (!isTrusted(hop)) return hop;
  }
  return address;
}
