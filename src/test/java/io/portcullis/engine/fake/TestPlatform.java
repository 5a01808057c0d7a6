package io.portcullis.engine.fake;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.portcullis.intent.Action;
import io.portcullis.intent.Binding;
import io.portcullis.intent.Filter;
import io.portcullis.intent.FilterIntent;
import io.portcullis.intent.Ownership;
import io.portcullis.platform.PlatformAdapter;
import io.portcullis.platform.PlatformFacts;
import io.portcullis.platform.ReadException;
import io.portcullis.platform.ReadResult;
import java.util.ArrayList;
import java.util.List;

/**
 * A stand-in platform for engine unit tests: the "configuration" is the IR as JSON inside an
 * element, so tests exercise the engine's logic without depending on a vendor renderer.
 */
public final class TestPlatform implements PlatformAdapter {
    static final ObjectMapper JSON = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private final boolean canChain;

    public TestPlatform(boolean canChain) {
        this.canChain = canChain;
    }

    @Override
    public String id() {
        return "test";
    }

    @Override
    public PlatformFacts facts() {
        java.util.EnumSet<io.portcullis.intent.Feature> features =
                java.util.EnumSet.allOf(io.portcullis.intent.Feature.class);
        if (!canChain) {
            features.remove(io.portcullis.intent.Feature.CHAINING);
        }
        return new PlatformFacts("test", Action.DISCARD, features, List.of("urn:test"));
    }

    @Override
    public String renderConfig(FilterIntent intent) {
        return "<config xmlns=\"urn:ietf:params:xml:ns:netconf:base:1.0\"><acl xmlns=\"urn:test\">" + toJson(intent)
                + "</acl></config>";
    }

    @Override
    public String renderText(FilterIntent intent) {
        StringBuilder sb = new StringBuilder();
        for (Filter f : intent.filters()) {
            sb.append("filter ").append(f.name()).append(" {\n");
            f.terms().forEach(t -> sb.append("  term ")
                    .append(t.name())
                    .append(" ")
                    .append(t.match().protocol())
                    .append(" dst ")
                    .append(t.match().destinationPorts())
                    .append(" then ")
                    .append(t.action())
                    .append("\n"));
            sb.append("}\n");
        }
        intent.bindings().forEach(b -> sb.append("bind ")
                .append(b.point())
                .append(" ")
                .append(b.filterName())
                .append("\n"));
        return sb.toString();
    }

    @Override
    public String renderRemoval(FilterIntent owned) {
        throw new UnsupportedOperationException();
    }

    @Override
    public String managedSubtreeFilter(FilterIntent intent) {
        return "<acl xmlns=\"urn:test\"/>";
    }

    @Override
    public ReadResult read(String device, String xml) {
        int a = xml.indexOf('>', xml.indexOf("<acl")) + 1;
        int b = xml.lastIndexOf("</acl>");
        if (a <= 0 || b < a) {
            if (xml.contains("<acl")) {
                return new ReadResult(new FilterIntent(device, "test", List.of(), List.of()), List.of(), List.of());
            }
            throw new ReadException("no <acl> element in the reply");
        }
        FilterIntent all = fromJson(xml.substring(a, b));
        List<Filter> owned =
                all.filters().stream().filter(f -> Ownership.isOwned(f.name())).toList();
        List<Binding> ownedB = new ArrayList<>();
        List<Binding> foreign = new ArrayList<>();
        for (Binding bd : all.bindings()) {
            (Ownership.isOwned(bd.filterName()) ? ownedB : foreign).add(bd);
        }
        return new ReadResult(new FilterIntent(device, "test", owned, ownedB), foreign, List.of());
    }

    public static String toJson(FilterIntent i) {
        try {
            return JSON.writeValueAsString(i);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static FilterIntent fromJson(String s) {
        if (s.isBlank()) {
            return new FilterIntent("", "test", List.of(), List.of());
        }
        try {
            return JSON.readValue(s, FilterIntent.class);
        } catch (Exception e) {
            throw new ReadException("bad test config: " + e.getMessage());
        }
    }
}
