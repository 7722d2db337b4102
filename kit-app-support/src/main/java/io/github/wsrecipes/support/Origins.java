package io.github.wsrecipes.support;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.URL;
import java.net.UnknownHostException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.slf4j.LoggerFactory;

/**
 * Which web pages may open a socket here: the kit's pages (ports 8080 to 8088 and this server's own) from any of this
 * machine's names or addresses, and each {@code --allowed-origin}; never "Origin equals Host" (DNS rebinding forges both).
 */
public final class Origins {

    private final Set<String> machineHosts = machineHosts();
    private final int ownPort;
    private final Set<String> extra;
    private final boolean any;

    public Origins(int ownPort, List<String> extra, boolean any) {
        this.ownPort = ownPort;
        this.extra = extra.stream().map(Origins::normalize).collect(Collectors.toSet());
        this.any = any;
        if (any) {
            LoggerFactory.getLogger(Origins.class).warn("Any web page may open a WebSocket to this server: for demos only");
        }
    }

    /** A request without Origin comes from a program, not a page, and is allowed. */
    public boolean allows(String origin) {
        if (any || origin == null || extra.contains(normalize(origin))) {
            return true;
        }
        try {
            URL url = new URI(normalize(origin)).toURL();
            int port = url.getPort() != -1 ? url.getPort() : url.getDefaultPort();
            return url.getProtocol().matches("https?") && isThisMachine(url.getHost()) && (port == ownPort || port >= 8080 && port <= 8088);
        } catch (Exception notAnOrigin) {
            return false; // "null" (a sandboxed page or a file://) and garbage alike
        }
    }

    private boolean isThisMachine(String host) {
        return machineHosts.contains(host) || host.matches("127(\\.\\d{1,3}){3}"); // all of 127.0.0.0/8 is loopback
    }

    /** For a class on the LAN ({@code --host 0.0.0.0}): {@code Open http://ADDRESS:PORT/} for each of this machine's addresses. */
    public static List<String> openLines(String host, int port) {
        boolean lan = "0.0.0.0".equals(host) || "::".equals(host);
        return lan ? lanAddresses().stream().map(address -> "Open http://" + address + ":" + port + "/").toList() : List.of();
    }

    public static List<String> lanAddresses() {
        return interfaceAddresses()
                .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress() && !address.isLinkLocalAddress())
                .map(InetAddress::getHostAddress).sorted().toList();
    }

    /** localhost, the loopback addresses, every interface address and the host name, as a browser writes them (IPv6 short: [fe80::1]). */
    private static Set<String> machineHosts() {
        Set<String> hosts = new HashSet<>(Set.of("localhost", "127.0.0.1", "[::1]"));
        interfaceAddresses().forEach(address -> {
            String literal = address.getHostAddress().replaceFirst("%.*$", "");
            hosts.add(address instanceof Inet4Address ? literal
                    : "[" + literal.replaceFirst("(^|:)(0(:|$)){2,}", "::").replaceFirst(":::", "::") + "]");
        });
        try {
            hosts.add(InetAddress.getLocalHost().getHostName().toLowerCase(Locale.ROOT));
        } catch (UnknownHostException noName) {
            // a machine without a resolvable name still has its addresses
        }
        return hosts;
    }

    private static Stream<InetAddress> interfaceAddresses() {
        try {
            return NetworkInterface.networkInterfaces().flatMap(NetworkInterface::inetAddresses);
        } catch (SocketException e) {
            return Stream.empty();
        }
    }

    /** scheme://host[:port], lower case, as browsers send it. */
    private static String normalize(String origin) {
        return origin.trim().toLowerCase(Locale.ROOT).replaceFirst("/+$", "");
    }
}
