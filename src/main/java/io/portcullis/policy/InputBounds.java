package io.portcullis.policy;

/**
 * Bounds on a policy or inventory document, checked before any parser sees it: a policy is a few kilobytes, so these
 * leave ample room while keeping hostile input cheap to refuse (a 4 MB single-line value made the YAML parser work
 * quadratically; a 200,000-deep XML document overflowed the stack). Messages never echo more than a short excerpt.
 */
public final class InputBounds {
    /** Largest document accepted. */
    public static final int MAX_CHARS = 1 << 20;
    /** Longest line accepted (a description is at most a few hundred characters on any platform). */
    public static final int MAX_LINE_CHARS = 4_096;
    /** Deepest nesting of mappings/lists/elements (the policy model is about six levels deep). */
    public static final int MAX_DEPTH = 64;
    /** How much of an offending value a message may quote. */
    static final int EXCERPT_CHARS = 40;

    private InputBounds() {}

    /** Throws on the first bound the text breaks, naming the line. */
    static void check(String text) throws SourceParser.SyntaxError {
        if (text.length() > MAX_CHARS) {
            throw new SourceParser.SyntaxError(
                    0,
                    "the document has " + text.length() + " characters, more than the " + MAX_CHARS
                            + " accepted; a policy or inventory is a few kilobytes");
        }
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == '\n') {
                if (i - lineStart > MAX_LINE_CHARS) {
                    throw new SourceParser.SyntaxError(
                            line,
                            "line " + line + " has " + (i - lineStart) + " characters, more than the " + MAX_LINE_CHARS
                                    + " accepted (it starts \""
                                    + excerpt(text.substring(lineStart, lineStart + EXCERPT_CHARS)) + "…\")");
                }
                line++;
                lineStart = i + 1;
            }
        }
    }

    /** Control characters made visible, so an excerpt cannot break the message's line. */
    static String excerpt(String s) {
        StringBuilder sb = new StringBuilder();
        s.codePoints().limit(EXCERPT_CHARS).forEach(c -> {
            if (Character.isISOControl(c)) {
                sb.append(String.format("\\u%04x", c));
            } else {
                sb.appendCodePoint(c);
            }
        });
        return sb.toString();
    }

    static SourceParser.SyntaxError tooDeep(int line) {
        return new SourceParser.SyntaxError(
                line,
                "the document nests deeper than " + MAX_DEPTH + " levels; a policy or inventory is"
                        + " a few levels deep");
    }
}
