package io.github.wsrecipes.whiteboard;

/**
 * Text a peer sent, made fit for one log line: control characters escaped, so a message cannot
 * forge a line of its own, and at most {@value #MAX_CHARS} characters, so it cannot flood the log.
 */
final class PeerText {

    static final int MAX_CHARS = 200;

    private PeerText() {
    }

    static String of(String text) {
        if (text == null) {
            return "(none)";
        }
        StringBuilder shown = new StringBuilder(Math.min(text.length(), MAX_CHARS) + 32);
        int end = Math.min(text.length(), MAX_CHARS);
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> shown.append("\\n");
                case '\r' -> shown.append("\\r");
                case '\t' -> shown.append("\\t");
                default -> {
                    // C0/C1 controls, DEL, and the bidi overrides that can reorder what a terminal shows
                    if (Character.isISOControl(c) || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069')) {
                        shown.append(String.format("\\u%04x", (int) c));
                    } else {
                        shown.append(c);
                    }
                }
            }
        }
        if (text.length() > MAX_CHARS) {
            shown.append("… (").append(text.length()).append(" chars)");
        }
        return shown.toString();
    }
}
