package cn.fapiao.webhook;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.EnumSet;
import java.util.Set;

/**
 * Where an endpoint's host points, and whether the server may send there. Every address the
 * name resolves to must be allowed (an attacker controls their own DNS records), and the sender
 * connects to the address checked here rather than resolving again: a name that answers a public
 * address to the check and 127.0.0.1 to the connection (DNS rebinding) gains nothing. Checked at
 * registration, for a clear error, and before every attempt, because DNS changes.
 */
@ApplicationScoped
public class EndpointResolver {

    private final Vertx vertx;
    private final Set<AddressKind> allowed;

    public EndpointResolver(Vertx vertx, WebhookConfig config) {
        this.vertx = vertx;
        Set<AddressKind> kinds = EnumSet.of(AddressKind.PUBLIC);
        config.allowedAddressKinds().ifPresent(kinds::addAll);
        this.allowed = kinds;
    }

    /** The resolved address, or why the server may not send there. */
    public record Resolution(InetAddress address, String refusal) {
        boolean allowed() {
            return refusal == null;
        }
    }

    public Uni<Resolution> resolve(String host) {
        // The JDK resolver blocks: off the event loop, on a worker thread.
        return vertx.executeBlocking(() -> resolveNow(host), false);
    }

    Resolution resolveNow(String host) {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            return new Resolution(null, "The host " + host + " does not resolve.");
        }
        for (InetAddress address : addresses) {
            AddressKind kind = AddressKind.of(address);
            if (!allowed.contains(kind)) {
                return new Resolution(null, "The host " + host + " points to a " + kind.name().toLowerCase().replace('_', '-')
                        + " address: webhooks go to public internet addresses only.");
            }
        }
        return new Resolution(addresses[0], null);
    }
}
