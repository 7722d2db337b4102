package io.github.wsrecipes.client;

import java.net.Inet4Address;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.List;

/** Where a class on the LAN opens the page; the page's WebSockets go to recipe 01, which checks their Origin. */
final class Origins {

    private Origins() {
    }

    /** For {@code --host 0.0.0.0}: {@code Open http://ADDRESS:PORT/} for each of this machine's LAN addresses. */
    static List<String> openLines(String host, int port) throws SocketException {
        if (!"0.0.0.0".equals(host) && !"::".equals(host)) {
            return List.of();
        }
        return NetworkInterface.networkInterfaces().flatMap(NetworkInterface::inetAddresses)
                .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress() && !address.isLinkLocalAddress())
                .map(address -> "Open http://" + address.getHostAddress() + ":" + port + "/")
                .sorted()
                .toList();
    }
}
