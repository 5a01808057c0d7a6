package io.portcullis.netconf.rpc;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** Builds requirement lists without duplicates. */
final class Caps {
    private final LinkedHashSet<String> caps = new LinkedHashSet<>();

    Caps add(List<String> more) {
        caps.addAll(more);
        return this;
    }

    Caps add(String cap) {
        caps.add(cap);
        return this;
    }

    Caps addIf(boolean condition, String cap) {
        if (condition) {
            caps.add(cap);
        }
        return this;
    }

    List<String> list() {
        return List.copyOf(new ArrayList<>(caps));
    }
}
