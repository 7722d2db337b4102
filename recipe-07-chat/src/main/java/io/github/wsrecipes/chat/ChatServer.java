package io.github.wsrecipes.chat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;

import io.github.wsrecipes.scaleout.RedisNode;
import io.github.wsrecipes.support.CommandLines;
import io.github.wsrecipes.support.Origins;
import io.github.wsrecipes.support.socketio.PageServer;
import io.github.wsrecipes.support.socketio.QuickStop;
import io.github.wsrecipes.support.socketio.RequestGuard;
import org.redisson.client.RedisException;

import com.corundumstudio.socketio.Configuration;
import com.corundumstudio.socketio.SocketIOServer;
import com.corundumstudio.socketio.store.MemoryStoreFactory;
import io.netty.channel.ChannelFuture;

/**
 * Recipe 07 · a chat relay (listings 8-13, 8-14, the Socket.IO chat). The original, in short:
 *
 * <pre>
 * var members = [];
 * io.on('connection', function (socket) {
 *   socket.on('joined', function (data) { members.push(data.name); socket.broadcast.emit('joined', data); });
 *   socket.on('message', function (data) { socket.broadcast.emit('message', data); });
 *   socket.on('disconnect', function () { socket.broadcast.emit('disconnected', …); });
 * });
 * </pre>
 */
public final class ChatServer {

    static final String PATH = "/socket.io";

    private final Options options;
    private PageServer pages;
    private SocketIOServer socketIo;
    private RedisNode redis; // with --redis: this server is one node of a chat they share
    private int socketIoPort;

    public ChatServer(Options options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        // Netty runs without sun.misc.Unsafe too; on JDK 24+ using it prints four warning lines (JEP 498).
        if (Runtime.version().feature() >= 24) System.getProperties().putIfAbsent("io.netty.noUnsafe", "true");
        Options options = new Options();
        options.parse(args).ifPresent(System::exit); // --help and -V: 0; a usage error: 2
        System.out.println(options.config());
        ChatServer recipe = new ChatServer(options);
        Runtime.getRuntime().addShutdownHook(new Thread(recipe::stop, "stop"));
        try {
            recipe.start();
        } catch (IOException e) {
            System.err.println(e.getMessage()); // Cannot listen on HOST:PORT: …
            System.exit(1);
        } catch (RedisException e) {
            System.err.println(CommandLines.cannotReachRedis(options.redis, e));
            System.exit(1);
        }
        System.out.println("Listening on " + recipe.uri());
        System.out.println("Socket.IO on " + recipe.socketIoUri());
        Origins.openLines(options.host, recipe.port()).forEach(System.out::println);
        Thread.currentThread().join();
    }

    /** Builds both servers top to bottom, from the sockets to the chat. */
    public void start() throws Exception {
        // 0. With --redis, Redis first: when it does not answer, no port has been bound yet.
        redis = options.redis == null ? null : RedisNode.connect(options.redis);

        // 1. The page server, bound now: a port in use fails here, and its real port joins the origin rule.
        pages = new PageServer(options.host, options.port);

        // 2. The Socket.IO server on its own port, with nothing a peer can make it hold on to.
        Configuration config = RequestGuard.configuration(options.host, options.socketIoPort, PATH);
        config.setJsonSupport(new UnknownEvents());
        config.setStoreFactory(redis == null ? new MemoryStoreFactory() : redis.storeFactory()); // --redis: broadcasts reach every node
        socketIo = new SocketIOServer(config);
        socketIo.setPipelineFactory(new RequestGuard(new Origins(port(), options.allowedOrigins, options.allowAnyOrigin)::allows, PATH));

        // 3. The chat on the default namespace: members, their history, their events.
        Chat chat = new Chat(socketIo.getNamespace(""), redis == null ? new MemoryMembers() : redis.members(),
                redis == null ? new MemoryHistory(options.history) : redis.history(options.history), options.quiet);
        if (redis != null) {
            redis.watch(chat::gone); // the members of a node that died leave for everyone
        }
        ChannelFuture bound = (ChannelFuture) socketIo.startAsync();
        if (!bound.awaitUninterruptibly().isSuccess()) {
            throw new IOException(CommandLines.cannotListen(options.host, options.socketIoPort, bound.cause()), bound.cause());
        }
        socketIoPort = ((InetSocketAddress) bound.channel().localAddress()).getPort();

        // 4. The page: files from webroot/, the WebJars, and where the Socket.IO server listens.
        pages.start("recipe-07-chat", socketIoPort, PATH);
    }

    /** Ctrl+C: every socket hears a server disconnect, then both servers stop. */
    public void stop() {
        if (socketIo != null) {
            QuickStop.stop(socketIo, socketIo.getAllClients());
        }
        if (pages != null) {
            pages.stop();
        }
        if (redis != null) {
            redis.close(); // after the disconnects, so the other nodes heard them
        }
    }

    public int port() {
        return pages.port();
    }

    public URI uri() {
        return URI.create("http://" + options.host + ":" + port() + "/");
    }

    public URI socketIoUri() {
        return URI.create("http://" + options.host + ":" + socketIoPort + PATH);
    }

    /** Open Socket.IO connections right now. */
    public int clients() {
        return socketIo.getAllClients().size();
    }
}
