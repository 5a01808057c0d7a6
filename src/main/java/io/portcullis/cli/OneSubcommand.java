package io.portcullis.cli;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Command;

/**
 * Which subcommand class a command line's first word names, read from {@link PortcullisCommand}'s own list (so there
 * is one list), for {@link CommandLines#forArgs}. Reading the annotations loads the classes but does not build their
 * picocli models, which is the part that costs.
 */
final class OneSubcommand {
    /** Commands that need the whole tree: help describes it, completion walks it. */
    private static final Set<String> WHOLE_TREE = Set.of("help", "completion");

    private OneSubcommand() {}

    /** The subcommand class {@code word} names (by name or alias), or null when the whole tree is needed. */
    static Class<?> named(String word) {
        if (word.startsWith("-") || WHOLE_TREE.contains(word)) {
            return null;
        }
        return byName().get(word);
    }

    private static Map<String, Class<?>> byName() {
        Map<String, Class<?>> names = new HashMap<>();
        for (Class<?> sub : PortcullisCommand.class.getAnnotation(Command.class).subcommands()) {
            Command c = sub.getAnnotation(Command.class);
            if (c == null || WHOLE_TREE.contains(c.name())) {
                continue;
            }
            names.put(c.name(), sub);
            for (String alias : c.aliases()) {
                names.put(alias, sub);
            }
        }
        return names;
    }
}
