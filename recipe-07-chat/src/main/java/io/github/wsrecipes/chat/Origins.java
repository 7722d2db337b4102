package io.github.wsrecipes.chat;

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
 * Which web pages may talk to the Socket.IO server: the server's half of the same-origin policy.
 *
 * <p>A browser sends {@code Origin} with every cross-origin request and upgrade but never blocks a
 * WebSocket, so the server refuses foreign pages itself (else any site a student visits could
 * chat here in the student's name). Allowed: the
 * pages of this recipe and of the kit's other recipes (ports 8080 to 8088 and the page server's),
 * loaded from any of this machine's own names or addresses, and each {@code --allowed-origin}.
 * An Origin that only matches the request's {@code Host} is not enough: under DNS rebinding a
 * foreign name points at this machine, and Host and Origin both carry that foreign name.
 */
final class Origins {

    private final Set<String> machineHosts;
    private final Set<Integer> kitPorts;
    private final Set<String> extra;
    private final boolean any;

    Origins(int ownPort, List<String> extra, boolean any) {
        this.machineHosts = machineHosts();
        this.kitPorts = IntStream.rangeClosed(8080, 8088).boxed().collect(Collectors.toCollection(HashSet::new));
        this.kitPorts.add(ownPort);
        this.extra = extra.stream().map(Origins::normalize).collect(Collectors.toSet());
        this.any = any;
    }

    /** A request without Origin comes from a program, not a page, and is allowed. */
    boolean allows(String origin) {
        if (any || origin == null) {
            return true;
        }
        String normalized = normalize(origin);
        if (extra.contains(normalized)) {
            return true;
        }
        try {
            URI uri = new URI(normalized);
            int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                    && uri.getHost() != null && isThisMachine(uri.getHost()) && kitPorts.contains(port);
        } catch (Exception notAnOrigin) {
            return false; // "null" (a sandboxed page or a file://) and garbage alike
        }
    }

    private boolean isThisMachine(String host) {
        return machineHosts.contains(host) || host.matches("127(\\.\\d{1,3}){3}"); // all of 127.0.0.0/8 is loopback
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
            hosts.add(address instanceof Inet4Address ? literal : "[" + compressIpv6(address) + "]");
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
            return Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                    .flatMap(NetworkInterface::inetAddresses)
                    .toList();
        } catch (SocketException e) {
            return List.of();
        }
    }

    /** The short form a browser writes, e.g. {@code fe80::1} rather than {@code fe80:0:0:0:0:0:0:1}. */
    private static String compressIpv6(InetAddress address) {
        String full = address.getHostAddress().replaceFirst("%.*$", "");
        return full.replaceFirst("(^|:)(0(:|$)){2,}", "::").replaceFirst(":::", "::");
    }

    /** scheme://host[:port], lower case, as browsers send it. */
    private static String normalize(String origin) {
        return origin.trim().toLowerCase(Locale.ROOT).replaceFirst("/+$", "");
    }
}
