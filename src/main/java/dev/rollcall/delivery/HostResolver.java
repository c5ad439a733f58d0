package dev.rollcall.delivery;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** Turns a target's host into addresses; injected so that tests map test names without asking DNS. */
public interface HostResolver {
    List<InetAddress> resolve(String host) throws UnknownHostException;

    /** The system resolver (IP literals are parsed, never looked up). */
    static HostResolver system() {
        return host -> List.of(InetAddress.getAllByName(host));
    }
}
