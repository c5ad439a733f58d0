package dev.rollcall.delivery;

import dev.rollcall.delivery.rules.AddressPolicy;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The SSRF guard at connect time: resolves the target's host, keeps the first address the policy
 * allows and hands exactly that address to the transport. When every address is refused, nothing is
 * connected to at all.
 */
public final class GuardedSender {
    private final HostResolver resolver;
    private final AddressPolicy policy;
    private final Transport transport;

    public GuardedSender(HostResolver resolver, AddressPolicy policy, Transport transport) {
        this.resolver = resolver;
        this.policy = policy;
        this.transport = transport;
    }

    /** An answer, or why none came (refused, unresolvable, I/O error, timeout). */
    public sealed interface Result {
    }

    public record Answered(Transport.Answer answer) implements Result {
    }

    public record Failed(String error) implements Result {
    }

    public Result post(URI target, Map<String, String> headers, byte[] body, Duration timeout) {
        String host = target.getHost();
        if (host == null || !("http".equalsIgnoreCase(target.getScheme()) || "https".equalsIgnoreCase(target.getScheme()))) {
            return new Failed("not an http(s) URL with a host: " + target);
        }
        List<InetAddress> addresses;
        try {
            addresses = resolver.resolve(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
        } catch (UnknownHostException e) {
            return new Failed("cannot resolve " + host);
        }
        Optional<String> refusal = Optional.of("no address for " + host);
        for (InetAddress a : addresses) {
            refusal = policy.refusal(a);
            if (refusal.isEmpty()) {
                return send(a, target, headers, body, timeout);
            }
        }
        return new Failed("refused: " + refusal.get());
    }

    private Result send(InetAddress address, URI target, Map<String, String> headers, byte[] body, Duration timeout) {
        try {
            return new Answered(transport.post(address, target, headers, body, timeout));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Failed("interrupted");
        } catch (IOException e) {
            String what = e instanceof java.net.http.HttpTimeoutException ? "timed out" : e.getClass().getSimpleName();
            return new Failed(what + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }
}
