package io.github.wsrecipes.chat;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.github.wsrecipes.scaleout.History;
import io.github.wsrecipes.scaleout.History.Line;
import io.github.wsrecipes.scaleout.Members;
import io.github.wsrecipes.scaleout.Members.Joined;
import io.github.wsrecipes.scaleout.Members.Member;
import io.github.wsrecipes.support.PeerText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.corundumstudio.socketio.AckRequest;
import com.corundumstudio.socketio.SocketIOClient;
import com.corundumstudio.socketio.SocketIONamespace;
import com.corundumstudio.socketio.namespace.Namespace;

/**
 * What happens to each event of the chat. The original trusted the {@code name} in every
 * message; here a message always carries the name the server holds for its socket.
 */
final class Chat {

    static final Set<String> EVENTS = Set.of("joined", "message", "typing", "stop typing");
    static final int MAX_NAME = 32;
    static final int MAX_MESSAGE = 2000;
    static final int MAX_MESSAGES_PER_WINDOW = 20;
    static final long WINDOW_SECONDS = 10;

    private static final String ROOM = "members"; // joined sockets only: a socket hears the chat once it has a name
    private static final String SENT = "sent";
    private static final String TYPING = "typing";
    private static final Logger LOG = LoggerFactory.getLogger(Chat.class);
    private static final Logger MESSAGES = LoggerFactory.getLogger("io.github.wsrecipes.chat.Messages");

    private final SocketIONamespace namespace;
    private final Members members;
    private final History history;
    private final boolean quiet;

    Chat(SocketIONamespace namespace, Members members, History history, boolean quiet) {
        this.namespace = namespace;
        this.members = members;
        this.history = history;
        this.quiet = quiet;
        namespace.addEventListener("joined", Object.class, this::onJoined);
        namespace.addEventListener("message", Object.class, this::onMessage);
        namespace.addEventListener("typing", Object.class, (client, data, ack) -> typing(client, true));
        namespace.addEventListener("stop typing", Object.class, (client, data, ack) -> typing(client, false));
        namespace.addDisconnectListener(this::onLeft);
    }

    /** {@code joined {name, key?, after?}}: a unique name, the member list and the history back; the others told. */
    private synchronized void onJoined(SocketIOClient client, Object data, AckRequest ack) {
        Map<?, ?> fields = data instanceof Map<?, ?> map ? map : Map.of();
        String wanted = fields.get("name") instanceof String name ? name.strip() : "";
        if (wanted.length() > MAX_NAME || wanted.chars().anyMatch(Character::isISOControl)) {
            refuse(client, ack, "name", "a name is at most " + MAX_NAME + " characters of plain text, not " + wanted.length());
            return;
        }
        Optional<Member> already = members.of(client.getSessionId());
        if (already.isPresent()) {
            refuse(client, ack, "joined", "you have already joined as " + already.get().name());
            return;
        }
        Joined joined = members.join(client.getSessionId(), wanted.isEmpty() ? "anon" : wanted,
                fields.get("key") instanceof String key ? key : null);
        Member member = joined.member();
        client.set(SENT, new ArrayDeque<Long>());
        client.joinRoom(ROOM);
        client.sendEvent("members", Map.of("members", members.names(), "online", members.size(),
                "you", member.name(), "key", member.key()));
        client.sendEvent("history", history.after(fields.get("after") instanceof Number seq ? seq.longValue() : 0));
        if (joined.replaced().isPresent()) {
            // The same member on a new connection: the old socket leaves the room (on any node) and, if here, goes quietly.
            ((Namespace) namespace).leaveRoom(ROOM, joined.replaced().get());
            Optional.ofNullable(namespace.getClient(joined.replaced().get())).ifPresent(SocketIOClient::disconnect);
            LOG.info("{} rejoined ({} online)", PeerText.of(member.name()), members.size());
            return;
        }
        toOthers(client, "joined", Map.of("name", member.name(), "online", members.size()));
        LOG.info("{} joined ({} online)", PeerText.of(member.name()), members.size());
    }

    /** {@code message {message}}: relayed to the others under the sender's held name; acknowledged with its number. */
    private void onMessage(SocketIOClient client, Object data, AckRequest ack) {
        Optional<Member> sender = members.of(client.getSessionId());
        Object text = data instanceof Map<?, ?> map ? map.get("message") : data;
        if (sender.isEmpty()) {
            refuse(client, ack, "joined", "join first: send joined {name}");
        } else if (!(text instanceof String message) || message.isBlank()) {
            refuse(client, ack, "message", "a message is {message: text}, and not empty");
        } else if (message.length() > MAX_MESSAGE) {
            refuse(client, ack, "message", "a message is at most " + MAX_MESSAGE + " characters, not " + message.length());
        } else if (!withinRate(client)) {
            refuse(client, ack, "rate", "at most " + MAX_MESSAGES_PER_WINDOW + " messages per " + WINDOW_SECONDS + " s: wait a moment");
        } else {
            Line line;
            synchronized (this) { // numbered and sent in one step, so every member sees the history's order
                line = history.add(sender.get().name(), message);
                toOthers(client, "message", line);
            }
            ack.sendAckData(Map.of("seq", line.seq(), "time", line.time()));
            if (!quiet) {
                MESSAGES.info("Received Message: {}: {}", PeerText.of(line.name()), PeerText.of(message));
            }
        }
    }

    /** {@code typing} / {@code stop typing}: passed on to the others when a member's state changes, so a flood is one event. */
    private void typing(SocketIOClient client, boolean typing) {
        members.of(client.getSessionId()).ifPresent(member -> {
            if (Boolean.TRUE.equals(client.get(TYPING)) != typing) {
                client.set(TYPING, typing);
                toOthers(client, typing ? "typing" : "stop typing", Map.of("name", member.name()));
            }
        });
    }

    /** A socket went away: its member leaves, and the others hear {@code disconnected}. */
    private synchronized void onLeft(SocketIOClient client) {
        members.leave(client.getSessionId()).ifPresent(member -> {
            toOthers(client, "disconnected", Map.of("name", member.name(), "online", members.size()));
            LOG.info("{} left ({} online)", PeerText.of(member.name()), members.size());
        });
    }

    /** A member of a node that died, removed by the Redis heartbeat: everyone left hears {@code disconnected}. */
    void gone(Member member) {
        namespace.getRoomOperations(ROOM).sendEvent("disconnected", Map.of("name", member.name(), "online", members.size()));
        LOG.info("{} left with its node ({} online)", PeerText.of(member.name()), members.size());
    }

    /** At most {@value #MAX_MESSAGES_PER_WINDOW} messages in any {@value #WINDOW_SECONDS} s. */
    private static boolean withinRate(SocketIOClient client) {
        Deque<Long> sent = client.get(SENT);
        long now = System.nanoTime();
        synchronized (sent) {
            sent.removeIf(time -> now - time >= TimeUnit.SECONDS.toNanos(WINDOW_SECONDS));
            return sent.size() < MAX_MESSAGES_PER_WINDOW && sent.add(now);
        }
    }

    /** An {@code error {rule, message}} back to the sender, which stays connected; also the ack when one was asked for. */
    private void refuse(SocketIOClient client, AckRequest ack, String rule, String why) {
        client.sendEvent("error", Map.of("rule", rule, "message", why));
        ack.sendAckData(Map.of("error", rule));
        MESSAGES.warn("Refused {} from {}: {}", rule, client.getSessionId(), why);
    }

    /** Node's {@code socket.broadcast.to(room).emit(…)}: every joined socket but this one. */
    private void toOthers(SocketIOClient client, String event, Object data) {
        namespace.getRoomOperations(ROOM).sendEvent(event, client, data);
    }
}
