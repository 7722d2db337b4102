package io.github.wsrecipes.router;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which web pages may open a WebSocket here. A browser sends {@code Origin} with every upgrade but
 * never blocks the answer, so the server refuses foreign pages itself. Allowed: pages of the kit's
 * ports (8080 to 8088 and this server's own) loaded from this machine's own names or addresses, and
 * each {@code --allowed-origin}. An Origin that merely equals {@code Host} is not enough: under DNS
 * rebinding a foreign name points at this machine, and both carry that foreign name.
 */
final class Origins {

    private final Set<String> machineHosts = machineHosts();
    private final int ownPort;
    private final Set<String> extra = new HashSet<>();
    private final boolean any;

    Origins(int ownPort, List<String> extra, boolean any) {
        this.ownPort = ownPort;
        extra.forEach(origin -> this.extra.add(normalize(origin)));
        this.any = any;
    }

    /** A request without Origin comes from a program, not a page, and is allowed. */
    boolean allows(String origin) {
        if (any || origin == null || extra.contains(normalize(origin))) {
            return true;
        }
        try {
            URI uri = new URI(normalize(origin));
            int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null
                    && (machineHosts.contains(uri.getHost()) || uri.getHost().matches("127(\\.\\d{1,3}){3}"))
                    && (port == ownPort || (port >= 8080 && port <= 8088));
        } catch (Exception notAnOrigin) {
            return false; // "null" (a sandboxed page or a file://) and garbage alike
        }
    }

    /** For a class on the LAN ({@code --host 0.0.0.0}): {@code Open http://ADDRESS:PORT/} for each of this machine's addresses. */
    static List<String> openLines(String host, int port) {
        if (!"0.0.0.0".equals(host) && !"::".equals(host)) {
            return List.of();
        }
        return interfaceAddresses().stream()
                .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress() && !address.isLinkLocalAddress())
                .map(address -> "Open http://" + address.getHostAddress() + ":" + port + "/").sorted().toList();
    }

    /** localhost, the loopback addresses, every interface address and the host name, as URIs write them. */
    private static Set<String> machineHosts() {
        Set<String> hosts = new HashSet<>(Set.of("localhost", "127.0.0.1", "[::1]"));
        for (InetAddress address : interfaceAddresses()) {
            String literal = address.getHostAddress().replaceFirst("%.*$", "");
            // a browser writes the short IPv6 form, e.g. fe80::1 rather than fe80:0:0:0:0:0:0:1
            hosts.add(address instanceof Inet4Address ? literal
                    : "[" + literal.replaceFirst("(^|:)(0(:|$)){2,}", "::").replaceFirst(":::", "::") + "]");
        }
        try {
            hosts.add(InetAddress.getLocalHost().getHostName().toLowerCase(Locale.ROOT));
        } catch (UnknownHostException noName) { // a machine without a resolvable name still has its addresses
        }
        return hosts;
    }

    private static List<InetAddress> interfaceAddresses() {
        try {
            return Collections.list(NetworkInterface.getNetworkInterfaces()).stream().flatMap(NetworkInterface::inetAddresses).toList();
        } catch (SocketException e) {
            return List.of();
        }
    }

    /** scheme://host[:port], lower case, as browsers send it. */
    private static String normalize(String origin) {
        return origin.trim().toLowerCase(Locale.ROOT).replaceFirst("/+$", "");
    }
}
