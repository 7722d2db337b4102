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

/**
 * Node's {@code io.origins(…)}: a browser never blocks the answer, so the server refuses foreign pages.
 * By default the kit's recipe pages (ports 8080 to 8088 and the page server's) from this machine's own
 * names; {@code --origins} replaces that. Matching Host is not enough: DNS rebinding forges both.
 */
final class Origins {

    private final Set<String> machineHosts = machineHosts();
    private final int pagePort;
    private final Set<String> only;

    Origins(int pagePort, List<String> only) {
        this.pagePort = pagePort;
        this.only = only.stream().map(entry -> entry.contains("://") ? hostAndPort(entry) : entry.toLowerCase(Locale.ROOT))
                .map(entry -> "*:*".equals(entry) ? "*" : entry).collect(Collectors.toSet());
    }

    /** A request without Origin comes from a program, not a page, and is allowed. */
    boolean allows(String origin) {
        String hostAndPort = origin == null ? null : hostAndPort(origin);
        if (origin == null || only.contains("*") || hostAndPort == null) {
            return origin == null || only.contains("*"); // "null" (a sandboxed or file:// page) and garbage: refused
        }
        if (!only.isEmpty()) {
            return only.contains(hostAndPort);
        }
        String host = hostAndPort.substring(0, hostAndPort.lastIndexOf(':'));
        int port = Integer.parseInt(hostAndPort.substring(hostAndPort.lastIndexOf(':') + 1));
        return (machineHosts.contains(host) || host.matches("127(\\.\\d{1,3}){3}")) && (port == pagePort || port >= 8080 && port <= 8088);
    }

    /** {@code http://localhost:8084} → {@code localhost:8084}, the form io.origins() uses; null for no web origin. */
    private static String hostAndPort(String origin) {
        try {
            URI uri = new URI(origin.trim().toLowerCase(Locale.ROOT));
            int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
            return uri.getScheme() != null && uri.getScheme().matches("https?") && uri.getHost() != null ? uri.getHost() + ":" + port : null;
        } catch (Exception notAnOrigin) {
            return null;
        }
    }

    /** For a class on the LAN ({@code --host 0.0.0.0}): {@code Open http://ADDRESS:PORT/} for each of this machine's addresses. */
    static List<String> openLines(String host, int port) {
        if (!"0.0.0.0".equals(host) && !"::".equals(host)) {
            return List.of();
        }
        return lanAddresses().stream().map(address -> "Open http://" + address + ":" + port + "/").toList();
    }

    /** The addresses other machines on the LAN can use. */
    static List<String> lanAddresses() {
        return interfaceAddresses().stream().filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress())
                .map(InetAddress::getHostAddress).sorted().toList();
    }

    /** localhost, the loopback addresses, every interface address and the host name, as URIs write them. */
    private static Set<String> machineHosts() {
        Set<String> hosts = new HashSet<>(Set.of("localhost", "127.0.0.1", "[::1]"));
        interfaceAddresses().forEach(a -> hosts.add(a instanceof Inet4Address ? a.getHostAddress()
                : "[" + a.getHostAddress().replaceFirst("%.*$", "").replaceFirst("(^|:)(0(:|$)){2,}", "::").replaceFirst(":::", "::") + "]"));
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
