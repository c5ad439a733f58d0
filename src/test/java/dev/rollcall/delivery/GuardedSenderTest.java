package dev.rollcall.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollcall.delivery.rules.AddressPolicy;
import dev.rollcall.delivery.rules.Cidr;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The SSRF guard without a network: what is refused never reaches the transport; the checked address is the one used. */
class GuardedSenderTest {
    private final List<String> connected = new ArrayList<>();
    private final Transport spy = (address, target, headers, body, timeout) -> {
        connected.add(address.getHostAddress());
        return new Transport.Answer(200, Optional.empty(), "");
    };

    private static InetAddress ip(int a, int b, int c, int d) {
        try {
            return InetAddress.getByAddress(new byte[] {(byte) a, (byte) b, (byte) c, (byte) d});
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    private GuardedSender.Result send(HostResolver resolver, String url) {
        GuardedSender sender = new GuardedSender(resolver, new AddressPolicy(List.of(Cidr.parse("127.0.0.1/32"))), spy);
        return sender.post(URI.create(url), Map.of(), new byte[0], Duration.ofSeconds(1));
    }

    @Test
    void refusedAddressesAreNeverConnectedTo() {
        GuardedSender.Result r = send(host -> List.of(ip(10, 1, 2, 3), ip(169, 254, 169, 254)), "http://hr-lms.test/hook");
        assertThat(r).isInstanceOfSatisfying(GuardedSender.Failed.class,
                f -> assertThat(f.error()).startsWith("refused").contains("169.254.169.254"));
        assertThat(send(host -> List.of(ip(127, 0, 0, 2)), "http://127.0.0.2:8080/")).isInstanceOf(GuardedSender.Failed.class);
        assertThat(send(host -> {
            throw new UnknownHostException(host);
        }, "http://nowhere.test/")).isInstanceOfSatisfying(GuardedSender.Failed.class,
                f -> assertThat(f.error()).contains("cannot resolve"));
        assertThat(connected).isEmpty();
    }

    @Test
    void theFirstAllowedAddressIsTheOneConnectedTo() {
        assertThat(send(host -> List.of(ip(10, 0, 0, 1), ip(127, 0, 0, 1)), "http://mixed.test/")).isInstanceOf(GuardedSender.Answered.class);
        assertThat(connected).containsExactly("127.0.0.1");
    }

    @Test
    void theRequestGoesToTheCheckedAddressWithPathAndQueryAsWritten() throws Exception {
        URI at = JdkTransport.atAddress(URI.create("http://lms.example.com:8443/a%2Fb/c?x=1%262&y"), ip(93, 184, 216, 34));
        assertThat(at.toString()).isEqualTo("http://93.184.216.34:8443/a%2Fb/c?x=1%262&y");
        URI v6 = JdkTransport.atAddress(URI.create("http://lms.example.com"), InetAddress.getByName("2606:4700::1111"));
        assertThat(v6.toString()).isEqualTo("http://[2606:4700:0:0:0:0:0:1111]/");
    }
}
