package dev.rollcall.delivery;

import java.time.Duration;

/** How webhooks reach their targets: the resolver the SSRF guard asks and the transport it hands checked addresses to. */
public record DeliveryNetwork(HostResolver resolver, Transport transport) {

    public static DeliveryNetwork system(Duration connectTimeout) {
        return new DeliveryNetwork(HostResolver.system(), new PooledHttpTransport(connectTimeout, new JdkTransport(connectTimeout)));
    }
}
