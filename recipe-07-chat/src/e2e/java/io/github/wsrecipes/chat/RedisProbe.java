package io.github.wsrecipes.chat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.github.wsrecipes.testsupport.RedisServer;

/** A test's own look into Redis, over a plain socket in Redis's text protocol: no second client library. */
final class RedisProbe {

    private RedisProbe() {
    }

    /** {@code connected_clients} of {@code INFO clients}, this probe's connection included. */
    static long connectedClients(RedisServer redis) {
        return Long.parseLong(ask(redis, "INFO clients", reply -> {
            for (String line; (line = reply.readLine()) != null; ) {
                if (line.startsWith("connected_clients:")) {
                    return line.substring(line.indexOf(':') + 1);
                }
            }
            throw new IOException("no connected_clients in INFO");
        }));
    }

    /** {@code KEYS pattern}. */
    static List<String> keys(RedisServer redis, String pattern) {
        return ask(redis, "KEYS " + pattern, reply -> {
            int count = Integer.parseInt(reply.readLine().substring(1)); // *N, then N times $len and the key
            List<String> keys = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                reply.readLine();
                keys.add(reply.readLine());
            }
            return keys;
        });
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private interface Reply<T> {
        T read(BufferedReader reply) throws IOException;
    }

    private static <T> T ask(RedisServer redis, String command, Reply<T> reader) {
        try (Socket socket = new Socket("127.0.0.1", redis.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write((command + "\r\n").getBytes(StandardCharsets.UTF_8));
            return reader.read(new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
