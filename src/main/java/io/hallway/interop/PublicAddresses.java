package io.hallway.interop;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Which addresses a source URL may reach: only those anyone on the internet could, so that an allow-listed
 * name pointed (or re-pointed) at the network behind us still leads nowhere. The ranges are those of the
 * IANA special-purpose registries (RFC 6890 and updates) that are not globally reachable, plus multicast.
 * IPv6 is accepted only in global unicast (2000::/3); addresses that carry an IPv4 address (mapped,
 * NAT64, 6to4) are judged by that address.
 */
final class PublicAddresses {

    private record Range(byte[] prefix, int bits, String kind) {
        boolean contains(byte[] address) {
            if (address.length != prefix.length) {
                return false;
            }
            int whole = bits / 8;
            if (!Arrays.equals(address, 0, whole, prefix, 0, whole)) {
                return false;
            }
            int rest = bits % 8;
            int mask = (0xff << (8 - rest)) & 0xff;
            return rest == 0 || (address[whole] & mask) == (prefix[whole] & mask);
        }
    }

    private static final List<Range> IPV4 = List.of(
            range("0.0.0.0/32", "any-local"),
            range("0.0.0.0/8", "reserved (this network)"),
            range("10.0.0.0/8", "private"),
            range("100.64.0.0/10", "shared (carrier-grade NAT)"),
            range("127.0.0.0/8", "loopback"),
            range("169.254.0.0/16", "link-local"),
            range("172.16.0.0/12", "private"),
            range("192.0.0.0/24", "reserved (IETF protocol assignments)"),
            range("192.0.2.0/24", "documentation"),
            range("192.88.99.0/24", "reserved (6to4 relay)"),
            range("192.168.0.0/16", "private"),
            range("198.18.0.0/15", "benchmarking"),
            range("198.51.100.0/24", "documentation"),
            range("203.0.113.0/24", "documentation"),
            range("224.0.0.0/4", "multicast"),
            range("240.0.0.0/4", "reserved"));

    private static final List<Range> IPV6 = List.of(
            range("::/128", "any-local"),
            range("::1/128", "loopback"),
            range("::/96", "reserved (IPv4-compatible)"),
            range("64:ff9b:1::/48", "reserved (local-use NAT64)"),
            range("100::/64", "reserved (discard-only)"),
            range("2001:db8::/32", "documentation"),
            range("2001::/23", "reserved (IETF protocol assignments)"),
            range("3fff::/20", "documentation"),
            range("fc00::/7", "unique-local"),
            range("fe80::/10", "link-local"),
            range("fec0::/10", "site-local"),
            range("ff00::/8", "multicast"));

    private static final Range GLOBAL_UNICAST = range("2000::/3", "global unicast");

    /** Prefixes of IPv6 addresses that stand for an IPv4 address, and where in the 16 bytes it sits. */
    private record Embedding(Range range, int offset) {
    }

    private static final List<Embedding> EMBEDDED_IPV4 = List.of(
            new Embedding(new Range(ipv4MappedPrefix(), 96, "IPv4-mapped"), 12),
            new Embedding(range("64:ff9b::/96", "NAT64"), 12),
            new Embedding(range("2002::/16", "6to4"), 2));

    private PublicAddresses() {
    }

    /** What kind of non-public address this is ("loopback", "private", ...), or empty for a public one. */
    static Optional<String> nonPublic(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length == 4) {
            return kind(IPV4, bytes);
        }
        for (Embedding embedding : EMBEDDED_IPV4) {
            if (embedding.range().contains(bytes)) {
                byte[] ipv4 = Arrays.copyOfRange(bytes, embedding.offset(), embedding.offset() + 4);
                return kind(IPV4, ipv4);
            }
        }
        Optional<String> kind = kind(IPV6, bytes);
        if (kind.isPresent()) {
            return kind;
        }
        return GLOBAL_UNICAST.contains(bytes) ? Optional.empty() : Optional.of("reserved");
    }

    private static Optional<String> kind(List<Range> ranges, byte[] bytes) {
        return ranges.stream().filter(range -> range.contains(bytes)).map(Range::kind).findFirst();
    }

    /** ::ffff:0:0, written out: Java reads ::ffff:a.b.c.d literals as the IPv4 address itself. */
    private static byte[] ipv4MappedPrefix() {
        byte[] prefix = new byte[16];
        prefix[10] = (byte) 0xff;
        prefix[11] = (byte) 0xff;
        return prefix;
    }

    private static Range range(String cidr, String kind) {
        int slash = cidr.indexOf('/');
        try {
            // Literals only: no name is looked up.
            byte[] prefix = InetAddress.getByName(cidr.substring(0, slash)).getAddress();
            return new Range(prefix, Integer.parseInt(cidr.substring(slash + 1)), kind);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(cidr, e);
        }
    }
}
