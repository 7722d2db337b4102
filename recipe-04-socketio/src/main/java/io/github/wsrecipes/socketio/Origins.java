package io.github.wsrecipes.socketio;

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
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Which web pages may talk to the Socket.IO server: Node's {@code io.origins(…)}.
 *
 * <p>A browser sends {@code Origin} with every request but never blocks the answer, so the server
 * refuses foreign pages itself. Allowed by default: the pages of this recipe and of the kit's other
 * recipes (ports 8080 to 8088 and the page server's own), loaded from any of this machine's names
 * or addresses. {@code --origins} replaces that with its own list ({@code host:port}, a full
 * origin, or {@code *}). An Origin that only matches the request's {@code Host} is not enough:
 * under DNS rebinding a foreign name points at this machine, and Host and Origin both carry it.
 */
final class Origins {

    private final Set<String> machineHosts = machineHosts();
    private final Set<Integer> kitPorts;
    private final Set<String> only;

    Origins(int pagePort, List<String> only) {
        this.kitPorts = IntStream.rangeClosed(8080, 8088).boxed().collect(Collectors.toCollection(HashSet::new));
        this.kitPorts.add(pagePort);
        this.only = only.stream().map(entry -> entry.contains("://") ? hostAndPort(entry) : entry.toLowerCase(Locale.ROOT))
                .map(entry -> "*:*".equals(entry) ? "*" : entry).collect(Collectors.toSet());
    }

    /** A request without Origin comes from a program, not a page, and is allowed. */
    boolean allows(String origin) {
        if (origin == null || only.contains("*")) {
            return true;
        }
        String hostAndPort = hostAndPort(origin);
        if (hostAndPort == null) {
            return false; // "null" (a sandboxed page or a file://) and garbage alike
        }
        if (!only.isEmpty()) {
            return only.contains(hostAndPort);
        }
        int colon = hostAndPort.lastIndexOf(':');
        String host = hostAndPort.substring(0, colon);
        return (machineHosts.contains(host) || host.matches("127(\\.\\d{1,3}){3}"))
                && kitPorts.contains(Integer.parseInt(hostAndPort.substring(colon + 1)));
    }

    /** {@code http://localhost:8084} → {@code localhost:8084}, the form io.origins() uses; null for no origin. */
    private static String hostAndPort(String origin) {
        try {
            URI uri = new URI(origin.trim().toLowerCase(Locale.ROOT));
            boolean web = "http".equals(uri.getScheme()) || "https".equals(uri.getScheme());
            int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
            return web && uri.getHost() != null ? uri.getHost() + ":" + port : null;
        } catch (Exception notAnOrigin) {
            return null;
        }
    }

    /** The addresses other machines on the LAN can use, for the {@code Open http://…} lines. */
    static List<String> lanAddresses() {
        return interfaceAddresses().stream()
                .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress() && !address.isLinkLocalAddress())
                .map(InetAddress::getHostAddress)
                .sorted()
                .toList();
    }

    /** localhost, the loopback addresses, every interface address and the host name, as URIs write them. */
    private static Set<String> machineHosts() {
        Set<String> hosts = new HashSet<>(Set.of("localhost", "127.0.0.1", "[::1]"));
        for (InetAddress address : interfaceAddresses()) {
            String literal = address.getHostAddress().replaceFirst("%.*$", "");
            hosts.add(address instanceof Inet4Address ? literal
                    : "[" + literal.replaceFirst("(^|:)(0(:|$)){2,}", "::").replaceFirst(":::", "::") + "]");
        }
        try {
            hosts.add(InetAddress.getLocalHost().getHostName().toLowerCase(Locale.ROOT));
        } catch (UnknownHostException noName) {
            // a machine without a resolvable name still has its addresses
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
}
