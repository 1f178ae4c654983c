package dev.labforge.topology;

import java.util.List;

/**
 * A point-to-point link between two router interfaces.
 *
 * @param mtu the link's MTU in bytes; null means the service default
 */
public record Link(Endpoint a, Endpoint b, Integer mtu) {

    public static Link of(String a, String b) {
        return new Link(Endpoint.parse(a), Endpoint.parse(b), null);
    }

    public List<Endpoint> endpoints() {
        return List.of(a, b);
    }
}
