package io.github.wsrecipes.chat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.corundumstudio.socketio.Configuration;
import com.corundumstudio.socketio.SocketIOChannelInitializer;
import com.corundumstudio.socketio.SocketIOClient;
import com.corundumstudio.socketio.listener.ExceptionListenerAdapter;

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

/**
 * Every HTTP request to the Socket.IO server, checked before netty-socketio sees it.
 *
 * <p>netty-socketio 2.0.14 checks nothing of its own: its {@code AuthorizationListener} sees only
 * a session's first request, so a page from a foreign origin holding a session id could poll it;
 * an undecodable URI ({@code GET /%}) or a malformed session id throws where nothing answers, and
 * the connection stays open; and its errors are logged as stack traces quoting the peer's bytes.
 * So: the origin rule on every request (WebSocket upgrade and polling alike), 400 for what cannot
 * be decoded, and every error one line with the connection closed.
 */
final class RequestGuard extends SocketIOChannelInitializer {

    private static final Logger LOG = LoggerFactory.getLogger(RequestGuard.class);

    private final Check check;

    RequestGuard(Origins origins, String path) {
        this.check = new Check(origins, path);
    }

    /** The settings that bound what a peer can make netty-socketio hold or do. */
    static Configuration configuration(String host, int port, String path) {
        Configuration config = new Configuration();
        config.setHostname(host);
        config.setPort(port);
        config.setContext(path);
        config.getSocketConfig().setReuseAddress(true); // a restart can listen again at once
        config.setRandomSession(true);         // a fresh session id per handshake, never one offered in a cookie
        config.setWebsocketCompression(false); // so the 64 KiB frame limit is the size of what is read
        config.setHttpCompression(false);
        config.setMaxFramePayloadLength(64 * 1024);
        config.setMaxHttpContentLength(64 * 1024);
        config.setPingTimeout(20_000);         // Node's default: a silent peer is gone after 45 s
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
        pipeline.addBefore(PACKET_HANDLER, "requestGuard", check);
        pipeline.addLast("oneLineErrors", new OneLineErrors()); // what no handler before caught
    }

    @Sharable
    private static final class Check extends ChannelInboundHandlerAdapter {
        private final Origins origins;
        private final String path;

        Check(Origins origins, String path) {
            this.origins = origins;
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
            } else if (!origins.allows(origin)) {
                status = HttpResponseStatus.FORBIDDEN;
                why = "origin " + origin + " is not allowed";
            } else {
                why = pathProblem(request.uri());
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
