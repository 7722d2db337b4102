package io.github.wsrecipes.socketio;

import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.corundumstudio.socketio.SocketIOChannelInitializer;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;

/**
 * Every request to the Socket.IO server passes here first: netty-socketio 2.0.14 checks the origin only
 * when a session opens (a foreign page's poll with a live {@code sid} would be answered), and leaves a
 * request it cannot parse ({@code GET /%}, a {@code sid} that is no UUID) open with a stack trace. Those
 * get an HTTP error, a close and one log line; a client that stops reading is closed once 1 MiB waits.
 */
final class RequestGuard extends SocketIOChannelInitializer {

    private static final Logger LOG = LoggerFactory.getLogger(RequestGuard.class);

    private final Origins origins;
    private final String connectPath;

    RequestGuard(Origins origins, String path) {
        this.origins = origins;
        this.connectPath = path + "/";
    }

    @Override
    protected void addSocketioHandlers(ChannelPipeline pipeline) {
        super.addSocketioHandlers(pipeline);
        pipeline.addAfter(HTTP_ENCODER, "requestGuard", new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                String refusal = msg instanceof FullHttpRequest request ? refusal(request) : null;
                if (refusal == null) {
                    ctx.fireChannelRead(msg);
                    return;
                }
                LOG.warn("Refused {} {}: {}", ctx.channel().remoteAddress(), PeerText.of(((FullHttpRequest) msg).uri()), refusal);
                ((FullHttpRequest) msg).release();
                HttpResponseStatus status = refusal.startsWith("origin") ? HttpResponseStatus.FORBIDDEN
                        : refusal.startsWith("not") ? HttpResponseStatus.NOT_FOUND : HttpResponseStatus.BAD_REQUEST;
                ctx.writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status)).addListener(ChannelFutureListener.CLOSE);
            }
        });
        pipeline.addLast("errorLine", new ChannelInboundHandlerAdapter() {
            @Override
            public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                LOG.info("Closed {}: {}", ctx.channel().remoteAddress(), PeerText.of(cause.toString()));
                ctx.close();
            }
        });
        pipeline.addFirst("backlog", new ChannelInboundHandlerAdapter() {
            @Override
            public void channelWritabilityChanged(ChannelHandlerContext ctx) {
                if (!ctx.channel().isWritable()) { // past the high water mark of Limits
                    LOG.warn("Closed {}: backlog full, it is not reading", ctx.channel().remoteAddress());
                    ctx.close();
                }
                ctx.fireChannelWritabilityChanged();
            }
        });
    }

    /** Why this request gets an error instead of an answer, or null to pass it on. */
    private String refusal(FullHttpRequest request) {
        if (request.decoderResult().isFailure()) {
            return request.decoderResult().cause() instanceof TooLongFrameException ? "request too large" : "bad request";
        }
        String origin = request.headers().get("Origin");
        if (!origins.allows(origin)) {
            return "origin " + PeerText.of(origin) + " is not allowed";
        }
        try {
            QueryStringDecoder query = new QueryStringDecoder(request.uri());
            List<String> sid = query.parameters().get("sid");
            if (sid != null) {
                UUID.fromString(sid.get(0));
            }
            return query.path().startsWith(connectPath) ? null : "not the Socket.IO path " + connectPath;
        } catch (IllegalArgumentException e) {
            return "bad request";
        }
    }
}
