package cn.fapiao.webhook;

import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * What kind of network an address belongs to, for refusing endpoints that point into the
 * server's own network (SSRF: {@code http://169.254.169.254/}, an internal service). Pure: the
 * caller resolves names. IPv4 addresses wrapped in IPv6 (mapped, compatible, NAT64, 6to4) count
 * as the IPv4 address they carry.
 */
public enum AddressKind {
    /** Routable on the internet. */
    PUBLIC,
    /** 127.0.0.0/8, ::1. */
    LOOPBACK,
    /** 10/8, 172.16/12, 192.168/16, 100.64/10 (carrier-grade NAT), fc00::/7. */
    PRIVATE,
    /** 169.254/16 (cloud metadata lives here), fe80::/10. */
    LINK_LOCAL,
    /** Unspecified, "this network", multicast, broadcast, documentation, benchmarking and reserved ranges. */
    RESERVED;

    public static AddressKind of(InetAddress address) {
        if (address instanceof Inet6Address v6) {
            return ofV6(v6.getAddress());
        }
        return ofV4(address.getAddress());
    }

    private static AddressKind ofV4(byte[] a) {
        int b0 = a[0] & 0xFF;
        int b1 = a[1] & 0xFF;
        int b2 = a[2] & 0xFF;
        if (b0 == 127) {
            return LOOPBACK;
        }
        if (b0 == 10 || (b0 == 172 && b1 >= 16 && b1 <= 31) || (b0 == 192 && b1 == 168) || (b0 == 100 && b1 >= 64 && b1 <= 127)) {
            return PRIVATE;
        }
        if (b0 == 169 && b1 == 254) {
            return LINK_LOCAL;
        }
        if (b0 == 0 || b0 >= 224 // this network, multicast, 240/4 reserved and broadcast
                || (b0 == 192 && b1 == 0 && (b2 == 0 || b2 == 2)) // IETF protocol assignments, TEST-NET-1
                || (b0 == 198 && (b1 == 18 || b1 == 19)) // benchmarking
                || (b0 == 198 && b1 == 51 && b2 == 100) || (b0 == 203 && b1 == 0 && b2 == 113)) { // TEST-NET-2, -3
            return RESERVED;
        }
        return PUBLIC;
    }

    private static AddressKind ofV6(byte[] a) {
        boolean zeroTo10 = allZero(a, 0, 10);
        if (zeroTo10 && (a[10] & 0xFF) == 0xFF && (a[11] & 0xFF) == 0xFF) {
            return ofV4(slice(a, 12)); // ::ffff:a.b.c.d (mapped)
        }
        if (zeroTo10 && a[10] == 0 && a[11] == 0) {
            if (allZero(a, 12, 15) && (a[15] == 0 || a[15] == 1)) {
                return a[15] == 1 ? LOOPBACK : RESERVED; // ::1, ::
            }
            return ofV4(slice(a, 12)); // ::a.b.c.d (compatible, deprecated)
        }
        int first = ((a[0] & 0xFF) << 8) | (a[1] & 0xFF);
        if (first == 0x0064 && (a[2] & 0xFF) == 0xFF && (a[3] & 0xFF) == 0x9B) {
            return ofV4(slice(a, 12)); // 64:ff9b::/96 NAT64
        }
        if (first == 0x2002) {
            return ofV4(slice(a, 2)); // 6to4 carries the IPv4 address in bits 16-47
        }
        if ((first & 0xFE00) == 0xFC00) {
            return PRIVATE; // fc00::/7 unique local (AWS metadata fd00:ec2::254 too)
        }
        if ((first & 0xFFC0) == 0xFE80) {
            return LINK_LOCAL;
        }
        if ((first & 0xFF00) == 0xFF00 || (first & 0xFFC0) == 0xFEC0 || first == 0x2001 && (a[2] & 0xFF) == 0x0D && (a[3] & 0xFF) == 0xB8) {
            return RESERVED; // multicast, deprecated site-local, documentation 2001:db8::/32
        }
        return PUBLIC;
    }

    private static boolean allZero(byte[] a, int from, int to) {
        for (int i = from; i < to; i++) {
            if (a[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static byte[] slice(byte[] a, int from) {
        return new byte[] {a[from], a[from + 1], a[from + 2], a[from + 3]};
    }

    /** Convenience for tests and docs: the kind of an address literal (no name resolution). */
    static AddressKind ofLiteral(String literal) {
        try {
            return of(InetAddress.getByName(literal));
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }
}
