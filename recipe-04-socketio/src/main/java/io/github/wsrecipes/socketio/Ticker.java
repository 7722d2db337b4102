package io.github.wsrecipes.socketio;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The chapter's {@code setInterval} pushes, from one scheduler for the whole server (not one
 * timer per connection, which would leak a timer for every socket that ever connected).
 */
final class Ticker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Ticker.class);

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "ticker");
        thread.setDaemon(true);
        return thread;
    });

    Ticker(long periodMillis, List<ChapterNamespace> namespaces) {
        scheduler.scheduleAtFixedRate(() -> {
            try {
                namespaces.forEach(ChapterNamespace::tick);
            } catch (RuntimeException e) {
                // An exception would cancel every later tick; one failed push should not.
                log.warn("tick failed", e);
            }
        }, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    }

    /** Returns once no tick is running, so that none races the disconnects of a clean stop. */
    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
