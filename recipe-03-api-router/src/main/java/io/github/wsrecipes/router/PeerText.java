package io.github.wsrecipes.router;

/**
 * Text a peer sent, fit for one log line: control characters escaped, so a message cannot forge a
 * line of its own, and at most {@value #MAX_CHARS} characters, so it cannot flood the log.
 */
final class PeerText {

    static final int MAX_CHARS = 200;

    private PeerText() {
    }

    static String of(String text) {
        if (text == null) {
            return "(none)";
        }
        StringBuilder shown = new StringBuilder();
        for (char c : text.substring(0, Math.min(text.length(), MAX_CHARS)).toCharArray()) {
            // C0/C1 controls, DEL, and the bidi overrides that can reorder what a terminal shows
            boolean control = Character.isISOControl(c) || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069');
            shown.append(c == '\n' ? "\\n" : c == '\r' ? "\\r" : c == '\t' ? "\\t" : control ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return text.length() > MAX_CHARS ? shown + "… (" + text.length() + " chars)" : shown.toString();
    }
}
