package io.hallway.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PublicAddressesTest {

    @Test
    void loopback_private_link_local_and_other_non_public_ipv4_addresses_are_refused() throws Exception {
        assertKind("loopback", "127.0.0.1", "127.255.255.254");
        assertKind("private", "10.0.0.1", "10.255.255.255", "172.16.0.1", "172.31.255.255", "192.168.0.1", "192.168.255.255");
        assertKind("link-local", "169.254.169.254", "169.254.0.1");
        assertKind("any-local", "0.0.0.0");
        assertKind("reserved (this network)", "0.1.2.3");
        assertKind("shared (carrier-grade NAT)", "100.64.0.1", "100.127.255.255");
        assertKind("multicast", "224.0.0.1", "239.255.255.250");
        assertKind("reserved", "240.0.0.1", "255.255.255.255");
        assertKind("documentation", "192.0.2.1", "198.51.100.7", "203.0.113.9");
        assertKind("benchmarking", "198.18.0.1", "198.19.255.255");
        assertKind("reserved (IETF protocol assignments)", "192.0.0.8");
        assertKind("reserved (6to4 relay)", "192.88.99.1");
    }

    @Test
    void public_ipv4_addresses_are_accepted_right_next_to_the_ranges() throws Exception {
        assertPublic("8.8.8.8", "1.1.1.1", "93.184.215.14", "9.255.255.255", "11.0.0.0", "172.15.255.255", "172.32.0.0",
                "192.167.255.255", "192.169.0.0", "100.63.255.255", "100.128.0.0", "169.253.255.255", "169.255.0.0",
                "126.255.255.255", "128.0.0.0", "223.255.255.255", "198.17.255.255", "198.20.0.0");
    }

    @Test
    void loopback_unique_local_link_local_and_other_non_public_ipv6_addresses_are_refused() throws Exception {
        assertKind("loopback", "::1");
        assertKind("any-local", "::");
        assertKind("unique-local", "fc00::1", "fd12:3456:789a::1");
        assertKind("link-local", "fe80::1", "febf::1");
        assertKind("site-local", "fec0::1");
        assertKind("multicast", "ff02::1", "ff05::1:3");
        assertKind("documentation", "2001:db8::1", "3fff::1");
        assertKind("reserved (IETF protocol assignments)", "2001::1", "2001:0:4136:e378:8000:63bf:3fff:fdd2");
        assertKind("reserved (discard-only)", "100::1");
        assertKind("reserved (local-use NAT64)", "64:ff9b:1::a00:1");
        assertKind("reserved (IPv4-compatible)", "::7f00:1");
        assertKind("reserved", "4000::1", "::2:0:0:1");
    }

    @Test
    void ipv6_forms_of_an_ipv4_address_are_judged_by_that_address() throws Exception {
        assertEquals(Optional.of("loopback"), PublicAddresses.nonPublic(mapped(127, 0, 0, 1)));
        assertEquals(Optional.of("private"), PublicAddresses.nonPublic(mapped(10, 1, 2, 3)));
        assertEquals(Optional.of("link-local"), PublicAddresses.nonPublic(mapped(169, 254, 169, 254)));
        assertEquals(Optional.empty(), PublicAddresses.nonPublic(mapped(8, 8, 8, 8)));
        // Java itself reads the mapped literal as the IPv4 address.
        assertKind("loopback", "::ffff:127.0.0.1");
        assertKind("private", "64:ff9b::10.0.0.1", "2002:c0a8:0101::1");
        assertKind("link-local", "64:ff9b::169.254.169.254");
        assertPublic("64:ff9b::8.8.8.8", "2002:0808:0808::1");
    }

    @Test
    void global_unicast_ipv6_addresses_are_accepted() throws Exception {
        assertPublic("2606:4700:4700::1111", "2a00:1450:4001:80b::200e", "2001:4860:4860::8888", "2c0f:fb50::1");
    }

    private static void assertKind(String kind, String... literals) throws UnknownHostException {
        for (String literal : literals) {
            assertEquals(Optional.of(kind), PublicAddresses.nonPublic(InetAddress.getByName(literal)), literal);
        }
    }

    private static void assertPublic(String... literals) throws UnknownHostException {
        for (String literal : literals) {
            assertEquals(Optional.empty(), PublicAddresses.nonPublic(InetAddress.getByName(literal)), literal);
        }
    }

    /** ::ffff:a.b.c.d as an Inet6Address, the form a resolver may hand back. */
    private static InetAddress mapped(int a, int b, int c, int d) throws UnknownHostException {
        byte[] bytes = new byte[16];
        bytes[10] = (byte) 0xff;
        bytes[11] = (byte) 0xff;
        bytes[12] = (byte) a;
        bytes[13] = (byte) b;
        bytes[14] = (byte) c;
        bytes[15] = (byte) d;
        InetAddress address = Inet6Address.getByAddress(null, bytes, -1);
        assertEquals(16, address.getAddress().length, "kept as IPv6");
        return address;
    }
}
