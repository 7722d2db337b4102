package io.github.wsrecipes.chat;

import java.io.IOException;

import io.github.wsrecipes.support.PeerText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.corundumstudio.socketio.protocol.Event;
import com.corundumstudio.socketio.protocol.JacksonJsonSupport;

import io.netty.buffer.ByteBufInputStream;

/**
 * One log line for an event the chat does not know. netty-socketio drops such events without a
 * word; the decoder is the one place that sees every event's name.
 */
final class UnknownEvents extends JacksonJsonSupport {

    private static final Logger LOG = LoggerFactory.getLogger(UnknownEvents.class);

    @Override
    public <T> T readValue(String namespace, ByteBufInputStream src, Class<T> valueType) throws IOException {
        T value = super.readValue(namespace, src, valueType);
        if (value instanceof Event event && !Chat.EVENTS.contains(event.getName())) {
            LOG.info("Ignored unknown event {}", PeerText.of(event.getName()));
        }
        return value;
    }
}
