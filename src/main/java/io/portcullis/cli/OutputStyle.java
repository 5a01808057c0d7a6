package io.portcullis.cli;

import java.time.Instant;
import java.util.Map;

/**
 * How human output is decorated for where it goes: ANSI colour on a terminal ({@code +} green, {@code -} red,
 * headings bold), and collapsible sections on the CI systems whose logs understand them, so a 500-router plan stays
 * readable in a job log. Colour follows the usual conventions: {@code --no-color} or {@code NO_COLOR} turn it off,
 * {@code CLICOLOR_FORCE} (not "0") turns it on even into a pipe; otherwise only a terminal gets it.
 */
record OutputStyle(boolean colour, Sections sections) {
    /** The CI log's collapsible-section dialect. */
    enum Sections {
        NONE,
        GITLAB,
        GITHUB
    }

    static final OutputStyle PLAIN = new OutputStyle(false, Sections.NONE);

    private static final String BOLD = "\u001b[1m";
    private static final String GREEN = "\u001b[32m";
    private static final String RED = "\u001b[31m";
    private static final String RESET = "\u001b[0m";

    static OutputStyle detect(boolean noColorFlag) {
        return detect(noColorFlag, System.getenv(), System.console() != null);
    }

    static OutputStyle detect(boolean noColorFlag, Map<String, String> env, boolean terminal) {
        String force = env.get("CLICOLOR_FORCE");
        boolean colour = !noColorFlag
                && env.get("NO_COLOR") == null
                && (force != null && !force.isEmpty() && !force.equals("0")
                        || terminal && !"dumb".equals(env.get("TERM")));
        Sections sections = "true".equals(env.get("GITLAB_CI"))
                ? Sections.GITLAB
                : "true".equals(env.get("GITHUB_ACTIONS")) ? Sections.GITHUB : Sections.NONE;
        return new OutputStyle(colour, sections);
    }

    String bold(String s) {
        return colour ? BOLD + s + RESET : s;
    }

    /** A line of a unified diff: additions green, removals red, the rest as is. */
    String diffLine(String line) {
        if (!colour || line.startsWith("+++") || line.startsWith("---")) {
            return line;
        }
        if (line.startsWith("+")) {
            return GREEN + line + RESET;
        }
        return line.startsWith("-") ? RED + line + RESET : line;
    }

    /** Opens a collapsible section (collapsed on GitLab), or prints the header as a bold line. */
    String sectionStart(String id, String header) {
        return switch (sections) {
            case GITLAB ->
                "\u001b[0Ksection_start:" + Instant.now().getEpochSecond() + ":" + id + "[collapsed=true]\r\u001b[0K"
                        + bold(header);
            case GITHUB -> "::group::" + header;
            case NONE -> bold(header);
        };
    }

    /** Closes the section opened with the same id, or nothing outside CI. */
    String sectionEnd(String id) {
        return switch (sections) {
            case GITLAB -> "\u001b[0Ksection_end:" + Instant.now().getEpochSecond() + ":" + id + "\r\u001b[0K";
            case GITHUB -> "::endgroup::";
            case NONE -> null;
        };
    }
}
