package dev.rollcall.delivery.rules;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/**
 * Which resolved addresses a webhook may connect to (the SSRF guard): public unicast only, unless
 * the address is in the allow-list. Refused: unspecified, loopback, private (10/8, 172.16/12,
 * 192.168/16), link-local, CGNAT (100.64/10), unique-local (fc00::/7), multicast, reserved and
 * documentation blocks, and IPv4 inside IPv6 forms of any of these.
 */
public final class AddressPolicy {
    private static final List<Cidr> REFUSED = List.of(
            "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12",
            "192.0.0.0/24", "192.0.2.0/24", "192.88.99.0/24", "192.168.0.0/16", "198.18.0.0/15", "198.51.100.0/24",
            "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4",
            "::/128", "::1/128", "64:ff9b::/96", "100::/64", "2001:db8::/32", "2002::/16",
            "fc00::/7", "fe80::/10", "fec0::/10", "ff00::/8").stream().map(Cidr::parse).toList();

    private final List<Cidr> allowed;

    public AddressPolicy(List<Cidr> allowed) {
        this.allowed = List.copyOf(allowed);
    }

    /** Empty when the address may be connected to, else why not. */
    public Optional<String> refusal(InetAddress address) {
        // a NAT64 address reaches its IPv4 host: judge that host (InetAddress already turns IPv4-mapped ones into IPv4)
        InetAddress checked = embeddedIpv4(address).orElse(address);
        if (allowed.stream().anyMatch(c -> c.contains(address) || c.contains(checked))) {
            return Optional.empty();
        }
        for (Cidr block : REFUSED) {
            if (block.contains(checked)) {
                return Optional.of(address.getHostAddress() + " is in the non-public block " + block
                        + " and not in ROLLCALL_WEBHOOK_ALLOWLIST");
            }
        }
        return Optional.empty();
    }

    /** The IPv4 address inside an IPv4-mapped or NAT64 IPv6 address, which reaches that IPv4 host. */
    static Optional<InetAddress> embeddedIpv4(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return Optional.empty();
        }
        byte[] b = address.getAddress();
        boolean mapped = isZero(b, 0, 10) && (b[10] & 0xFF) == 0xFF && (b[11] & 0xFF) == 0xFF;
        boolean nat64 = b[0] == 0 && (b[1] & 0xFF) == 0x64 && (b[2] & 0xFF) == 0xFF && (b[3] & 0xFF) == 0x9B
                && isZero(b, 4, 12);
        if (!mapped && !nat64) {
            return Optional.empty();
        }
        try {
            return Optional.of(Inet4Address.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
        } catch (java.net.UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static boolean isZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
