package io.portcullis.platform.sros;

import io.portcullis.intent.FilterIntent;
import io.portcullis.platform.PlatformAdapter;
import io.portcullis.platform.PlatformFacts;
import io.portcullis.platform.ReadResult;

/** Nokia SR OS (7750 BNG), nokia-conf; see {@link SrosFacts} for the quirks. */
public final class SrosAdapter implements PlatformAdapter {
    private final SrosRenderer renderer = new SrosRenderer();
    private final SrosReader reader = new SrosReader();
    private final SrosChaining chaining = new SrosChaining();

    @Override
    public String id() {
        return SrosFacts.PLATFORM;
    }

    @Override
    public PlatformFacts facts() {
        return SrosFacts.facts();
    }

    @Override
    public String renderConfig(FilterIntent intent) {
        return renderer.config(intent);
    }

    @Override
    public String renderText(FilterIntent intent) {
        return renderer.text(intent);
    }

    @Override
    public String renderRemoval(FilterIntent owned) {
        return renderer.removal(owned);
    }

    @Override
    public String managedSubtreeFilter(FilterIntent intent) {
        return renderer.subtreeFilter(intent);
    }

    @Override
    public ReadResult read(String device, String xml) {
        return reader.read(device, xml);
    }

    /** Entry descriptions are 80 characters; multi-value port and prefix lists are held in list order. */
    @Override
    public FilterIntent normalize(FilterIntent intent) {
        return SrosNotes.normalize(intent);
    }

    /** Embedding into the operator's sla-profile egress filter (see {@link SrosChaining}). */
    @Override
    public java.util.Optional<io.portcullis.platform.Chaining> chaining() {
        return java.util.Optional.of(chaining);
    }
}
