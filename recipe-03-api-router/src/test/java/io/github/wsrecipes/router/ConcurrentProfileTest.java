package io.github.wsrecipes.router;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The profile store under load: 8 connections PUT at once and no write is lost or torn. */
class ConcurrentProfileTest {

    private static final int CLIENTS = 8;
    private static final int PUTS_EACH = 50;

    @RegisterExtension
    final LiveRouter router = new LiveRouter();
    private final ExecutorService threads = Executors.newFixedThreadPool(CLIENTS);

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void concurrentPutsFromEightClientsEachGetTheirOwnVersionAndTheLastOneWinsWhole() throws Exception {
        try (Peer first = router.open("echo-protocol")) {
            assertThat(first.ask(put("POST", -1, 0)).get("status").asInt()).isEqualTo(201);
        }
        CountDownLatch allConnected = new CountDownLatch(CLIENTS);
        List<Future<List<JsonNode>>> clients = new ArrayList<>();
        for (int id = 0; id < CLIENTS; id++) {
            clients.add(threads.submit(putter(id, allConnected)));
        }

        List<JsonNode> replies = new ArrayList<>();
        for (Future<List<JsonNode>> putter : clients) {
            replies.addAll(putter.get(30, TimeUnit.SECONDS));
        }

        assertThat(replies).hasSize(CLIENTS * PUTS_EACH).allSatisfy(reply -> assertThat(reply.get("status").asInt()).isEqualTo(200));
        // Version 1 was the POST; every PUT got a version of its own, none skipped, none shared.
        assertThat(replies).map(reply -> reply.at("/body/version").asLong())
                .containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(2, 1 + CLIENTS * PUTS_EACH).boxed().toList());
        try (Peer last = router.open("echo-protocol")) {
            JsonNode stored = last.ask(put("GET", 0, 0)).get("body");
            JsonNode newest = replies.stream().filter(reply -> reply.at("/body/version").asLong() == 1 + CLIENTS * PUTS_EACH)
                    .findFirst().orElseThrow().get("body");
            assertThat(stored).isEqualTo(newest);
        }
    }

    private Callable<List<JsonNode>> putter(int id, CountDownLatch allConnected) {
        return () -> {
            try (Peer peer = router.open("echo-protocol")) {
                allConnected.countDown();
                allConnected.await(10, TimeUnit.SECONDS);
                for (int n = 1; n <= PUTS_EACH; n++) {
                    peer.send(put("PUT", id, n));
                }
                List<JsonNode> replies = new ArrayList<>();
                for (int n = 1; n <= PUTS_EACH; n++) {
                    JsonNode reply = peer.nextJson();
                    // Replies come in the order of the messages: each names the PUT it answers.
                    assertThat(reply.at("/body/profile")).isEqualTo(Peer.json(fields(id, n)));
                    replies.add(reply);
                }
                return replies;
            }
        };
    }

    private static String put(String action, int client, int n) {
        return "{\"route\":\"/user/profile\",\"action\":\"" + action + "\",\"body\":" + fields(client, n) + "}";
    }

    private static String fields(int client, int n) {
        return "{\"name\":\"client-" + client + "\",\"edit\":" + n + "}";
    }
}
