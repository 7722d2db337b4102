package io.github.wsrecipes.support;

/**
 * Text a peer sent, made fit for one log line: control characters escaped, so a message cannot
 * forge a line of its own, and at most {@value #MAX_CHARS} characters, so it cannot flood the log.
 */
public final class PeerText {

    public static final int MAX_CHARS = 200;

    private PeerText() {
    }

    public static String of(String text) {
        if (text == null) {
            return "(none)";
        }
        StringBuilder shown = new StringBuilder();
        text.chars().limit(MAX_CHARS).forEach(c -> shown.append(escaped((char) c)));
        return text.length() > MAX_CHARS ? shown + "… (" + text.length() + " chars)" : shown.toString();
    }

    /** C0/C1 controls, DEL, and the bidi overrides that can reorder what a terminal shows. */
    private static String escaped(char c) {
        return switch (c) {
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            default -> Character.isISOControl(c) || c >= '\u202a' && c <= '\u202e' || c >= '\u2066' && c <= '\u2069'
                    ? String.format("\\u%04x", (int) c) : String.valueOf(c);
        };
    }
}
