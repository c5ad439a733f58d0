package dev.rollcall.delivery;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Sends one POST to an already checked address, naming the target's own host in {@code Host}. */
public interface Transport {
    Answer post(InetAddress address, URI target, Map<String, String> headers, byte[] body, Duration timeout)
            throws IOException, InterruptedException;

    /** The status, the Retry-After header if any, and the first kilobyte of the answer. */
    record Answer(int status, Optional<String> retryAfter, String head) {
    }
}
