import ipaddr from 'ipaddr.js';

/**
 * Whether an IP address is one that organization-typed URLs may reach: a public unicast address. Everything else
 * (loopback, RFC 1918 private, link-local, unique-local, CGNAT, unspecified, broadcast, multicast, documentation
 * and other reserved ranges, IPv4-mapped IPv6 forms of any of those) would let an organization make this server
 * call its own network.
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  const ip = ipaddr.parse(address);
  if (ip.kind() === 'ipv6') {
    const v6 = ip as ipaddr.IPv6;
    // ::ffff:127.0.0.1 connects to 127.0.0.1: judge the IPv4 address it carries.
    if (v6.isIPv4MappedAddress()) return isPublicV4(v6.toIPv4Address());
    // Only global unicast (2000::/3) is public; within it, ipaddr.js names the tunnels and documentation ranges
    // (6to4, Teredo, 2001:db8::/32), which can carry or stand for any IPv4 address.
    return v6.range() === 'unicast' && v6.match(GLOBAL_UNICAST_V6);
  }
  return isPublicV4(ip as ipaddr.IPv4);
}

const GLOBAL_UNICAST_V6 = ipaddr.parseCIDR('2000::/3') as [ipaddr.IPv6, number];

/** Ranges ipaddr.js 1.9 calls unicast that are not public (RFC 6890): benchmarking and the IETF protocol block. */
const NOT_PUBLIC_V4 = ['198.18.0.0/15', '192.0.0.0/24'].map((cidr) => ipaddr.parseCIDR(cidr) as [ipaddr.IPv4, number]);

function isPublicV4(ip: ipaddr.IPv4): boolean {
  return ip.range() === 'unicast' && !NOT_PUBLIC_V4.some((range) => ip.match(range));
}
