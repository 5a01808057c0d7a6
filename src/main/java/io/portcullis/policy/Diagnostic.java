package io.portcullis.policy;

/**
 * One problem found in an input file: where (file, line when known, YANG/data path), and what was
 * expected. Collected, never thrown, so a user sees every problem in one run.
 *
 * @param line 1-based line number, or 0 when unknown
 * @param path YANG data path such as {@code /portcullis-policy:policy/service[name='smtp']/port}, or null
 */
public record Diagnostic(Severity severity, String file, int line, String path, String message)
        implements java.io.Serializable {

    public static Diagnostic error(String file, int line, String path, String message) {
        return new Diagnostic(Severity.ERROR, file, line, path, message);
    }

    public static Diagnostic warning(String file, int line, String path, String message) {
        return new Diagnostic(Severity.WARNING, file, line, path, message);
    }

    /** "file:line: error: message (at path)" — the format compilers use, so editors can jump to it. */
    public String format() {
        StringBuilder sb = new StringBuilder();
        if (file != null) {
            sb.append(file);
            if (line > 0) {
                sb.append(':').append(line);
            }
            sb.append(": ");
        }
        sb.append(severity == Severity.ERROR ? "error: " : "warning: ").append(message);
        if (path != null && !path.isEmpty()) {
            sb.append(" (at ").append(path).append(')');
        }
        return sb.toString();
    }
}
