package io.github.wsrecipes.support.socketio;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import io.github.wsrecipes.support.PeerText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.corundumstudio.socketio.Configuration;
import com.corundumstudio.socketio.SocketIOChannelInitializer;
import com.corundumstudio.socketio.SocketIOClient;
import com.corundumstudio.socketio.Transport;
import com.corundumstudio.socketio.handler.ClientHead;
import com.corundumstudio.socketio.listener.ExceptionListenerAdapter;
import com.corundumstudio.socketio.messages.PacketsMessage;
import com.corundumstudio.socketio.protocol.Packet;
import com.corundumstudio.socketio.protocol.PacketType;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.AttributeKey;

/**
 * Every HTTP request to a netty-socketio server (recipes 04 and 07), checked before the library sees it.
 *
 * <p>netty-socketio 2.0.14 checks the origin only when a session opens, so a foreign page holding a
 * session id could poll it; an undecodable URI ({@code GET /%}) or a malformed session id throws where
 * nothing answers, and the connection stays open; a peer that stops reading makes it queue without
 * limit; its errors are stack traces quoting the peer's bytes; and an upgrade from polling can stall. So: the
 * origin rule on every request, an HTTP error for what it cannot answer, a close once 1 MiB waits unread,
 * every error one line, and a NOOP every 100 ms while a client upgrades.
 */
public final class RequestGuard extends SocketIOChannelInitializer {

    private static final Logger LOG = LoggerFactory.getLogger(RequestGuard.class);
    private static final UpgradeNudge UPGRADE_NUDGE = new UpgradeNudge();

    private final Check check;

    public RequestGuard(Predicate<String> allowedOrigin, String path) {
        this.check = new Check(allowedOrigin, path);
    }

    /** The settings that bound what a peer can make netty-socketio hold or do; each a line to change in class. */
    public static Configuration configuration(String host, int port, String path) {
        Configuration config = new Configuration();
        config.setHostname(host);
        config.setPort(port);
        config.setContext(path);                 // Node's `path` option
        // Few threads, as ServerThreads gives Jetty: one accepts, one event loop per core (Netty's default: two).
        config.setBossThreads(1);
        config.setWorkerThreads(Runtime.getRuntime().availableProcessors());
        config.getSocketConfig().setReuseAddress(true); // a restart can listen again at once
        // A new session id per handshake, as Node: else the `io` cookie (set for every port) makes two tabs share one.
        config.setRandomSession(true);
        // Compression off: netty-socketio checks the frame limit before inflating (58 KB could become 60 MB).
        config.setWebsocketCompression(false);
        config.setHttpCompression(false);
        config.setMaxFramePayloadLength(64 * 1024); // a larger WebSocket message closes the connection
        config.setMaxHttpContentLength(64 * 1024);  // a larger polling body is refused
        config.setPingInterval(25_000);          // Node's ping: every 25 s, and a client silent
        config.setPingTimeout(20_000);           // for 20 s more is gone (netty-socketio: 60 s)
        config.getSocketConfig().setWriteBufferWaterMarkLow(512 * 1024); // past the high mark, a client that
        config.getSocketConfig().setWriteBufferWaterMarkHigh(1 << 20);   // is not reading is closed (below)
        config.setExceptionListener(new ExceptionListenerAdapter() {
            @Override
            public boolean exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                new OneLineErrors().exceptionCaught(ctx, cause);
                return true;
            }

            @Override
            public void onEventException(Exception e, List<Object> args, SocketIOClient client) {
                LOG.warn("Event from {} failed: {}", client.getSessionId(), PeerText.of(String.valueOf(e)));
            }

            @Override
            public void onAuthException(Throwable e, SocketIOClient client) {
                LOG.warn("Handshake of {} failed: {}", client.getSessionId(), PeerText.of(String.valueOf(e)));
            }
        });
        return config;
    }

    @Override
    protected void addSocketioHandlers(ChannelPipeline pipeline) {
        super.addSocketioHandlers(pipeline);
        pipeline.addFirst("backlog", new Backlog());
        pipeline.addBefore(PACKET_HANDLER, "requestGuard", check);
        pipeline.addBefore(PACKET_HANDLER, "upgradeNudge", UPGRADE_NUDGE);
        pipeline.addLast("oneLineErrors", new OneLineErrors()); // what no handler before caught
    }

    @Sharable
    private static final class Check extends ChannelInboundHandlerAdapter {
        private final Predicate<String> allowedOrigin;
        private final String path;

        Check(Predicate<String> allowedOrigin, String path) {
            this.allowedOrigin = allowedOrigin;
            this.path = path;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (!(msg instanceof FullHttpRequest request)) {
                ctx.fireChannelRead(msg);
                return;
            }
            String origin = request.headers().get(HttpHeaderNames.ORIGIN);
            HttpResponseStatus status = HttpResponseStatus.BAD_REQUEST;
            String why;
            if (request.decoderResult().isFailure()) {
                why = "bad request: " + request.decoderResult().cause().getMessage();
            } else if (!allowedOrigin.test(origin)) {
                status = HttpResponseStatus.FORBIDDEN;
                why = "origin " + origin + " is not allowed";
            } else {
                why = pathProblem(request.uri());
                if (why != null && why.startsWith("not found")) {
                    status = HttpResponseStatus.NOT_FOUND;
                }
            }
            if (why == null) {
                ctx.fireChannelRead(msg);
                return;
            }
            request.release();
            LOG.warn("Refused {}: {}", ctx.channel().remoteAddress(), PeerText.of(why));
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                    Unpooled.copiedBuffer(why + "\n", StandardCharsets.UTF_8));
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8")
                    .setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes());
            ctx.channel().writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }

        /** Why this URI cannot be a Socket.IO request here, or null when it can. */
        private String pathProblem(String uri) {
            try {
                QueryStringDecoder query = new QueryStringDecoder(uri);
                if (!query.path().equals(path) && !query.path().equals(path + "/")) {
                    return "not found: this server answers " + path + "/ only";
                }
                String sid = query.parameters().containsKey("sid") ? query.parameters().get("sid").get(0) : null;
                return sid == null || sid.matches("[0-9a-f-]{36}") ? null : "Session ID unknown";
            } catch (IllegalArgumentException undecodable) {
                return "bad request: the URI cannot be decoded";
            }
        }
    }

    /**
     * netty-socketio answers a client's pending poll with one NOOP when its WebSocket probe arrives, so that
     * the client can pause polling and upgrade; a poll the client sends just after that one waits for the
     * server's next packet, and on a quiet connection the upgrade never ends. Node's engine.io sends a NOOP
     * every 100 ms until the upgrade is done, and so does this (queued NOOPs move to the WebSocket with the rest).
     * A client probes once: a second probe closes the WebSocket.
     */
    @Sharable
    private static final class UpgradeNudge extends ChannelInboundHandlerAdapter {
        private static final AttributeKey<Boolean> NUDGED = AttributeKey.valueOf("upgradeNudge");

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof PacketsMessage packets && packets.getTransport() == Transport.WEBSOCKET
                    && packets.getContent().readableBytes() == 6 && packets.getContent().toString(StandardCharsets.US_ASCII).equals("2probe")) {
                if (ctx.channel().attr(NUDGED).setIfAbsent(true) != null) {
                    // netty-socketio would queue a NOOP on polling for each, without bound while the client does not poll.
                    LOG.warn("Closed {}: a second upgrade probe", ctx.channel().remoteAddress());
                    ctx.close();
                    return; // WebSocketTransport releases the frame
                }
                ClientHead client = packets.getClient();
                AtomicReference<ScheduledFuture<?>> nudge = new AtomicReference<>();
                nudge.set(ctx.executor().scheduleAtFixedRate(() -> {
                    if (client.getCurrentTransport() == Transport.WEBSOCKET || !ctx.channel().isActive()) {
                        nudge.get().cancel(false);
                    } else {
                        client.send(new Packet(PacketType.NOOP, client.getEngineIOVersion()), Transport.POLLING);
                    }
                }, 100, 100, TimeUnit.MILLISECONDS));
            }
            ctx.fireChannelRead(msg);
        }
    }

    /** A peer that stops reading: closed once the write buffer passes its high water mark (see configuration). */
    private static final class Backlog extends ChannelInboundHandlerAdapter {
        @Override
        public void channelWritabilityChanged(ChannelHandlerContext ctx) {
            if (!ctx.channel().isWritable()) {
                LOG.warn("Closed {}: backlog full, it is not reading", ctx.channel().remoteAddress());
                ctx.close();
            }
            ctx.fireChannelWritabilityChanged();
        }
    }

    /** One line per error, never a stack trace, and the connection closed: for the pipeline and for netty-socketio's listeners. */
    @Sharable
    private static final class OneLineErrors extends ChannelInboundHandlerAdapter {
        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            LOG.warn("Closed {}: {}", ctx.channel().remoteAddress(), PeerText.of(String.valueOf(cause)));
            ctx.close();
        }
    }
}
