package dev.rollcall.delivery;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The webhook network of the delivery tests: a resolver that never asks DNS (IP literals, and
 * {@code hr-lms.test} mapped to the private 10.1.2.3) and the real transport behind a spy that
 * records every address a connection was opened to.
 */
final class TestNetwork {
    static final String PRIVATE_HOST = "hr-lms.test";
    static final String PRIVATE_ADDRESS = "10.1.2.3";

    final List<String> resolved = new CopyOnWriteArrayList<>();
    final List<String> connected = new CopyOnWriteArrayList<>();

    DeliveryNetwork network() {
        Transport real = new PooledHttpTransport(Duration.ofSeconds(2), new JdkTransport(Duration.ofSeconds(2)));
        HostResolver resolver = host -> {
            resolved.add(host);
            if (host.equals(PRIVATE_HOST)) {
                return List.of(InetAddress.getByAddress(PRIVATE_HOST, new byte[] {10, 1, 2, 3}));
            }
            if (!host.chars().allMatch(c -> c == '.' || Character.isDigit(c))) {
                throw new UnknownHostException(host + " (the test resolver knows IP literals only)");
            }
            return List.of(InetAddress.getByName(host));
        };
        Transport spy = new Transport() {
            @Override
            public Answer post(InetAddress address, URI target, Map<String, String> headers, byte[] body, Duration timeout)
                    throws IOException, InterruptedException {
                connected.add(address.getHostAddress());
                if (!address.getHostAddress().startsWith("127.")) {
                    throw new AssertionError("a test tried to connect outside 127.0.0.0/8: " + address);
                }
                return real.post(address, target, headers, body, timeout);
            }
        };
        return new DeliveryNetwork(resolver, spy);
    }
}
