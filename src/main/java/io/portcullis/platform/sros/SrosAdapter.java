package io.portcullis.platform.sros;

import io.portcullis.intent.FilterIntent;
import io.portcullis.platform.PlatformAdapter;
import io.portcullis.platform.PlatformFacts;
import io.portcullis.platform.ReadResult;

/** Nokia SR OS (7750 BNG), nokia-conf; see {@link SrosFacts} for the quirks. */
public final class SrosAdapter implements PlatformAdapter {
    private static final SrosChaining CHAINING = new SrosChaining();

    @Override
    public String id() {
        return SrosFacts.PLATFORM;
    }

    @Override
    public PlatformFacts facts() {
        return SrosFacts.FACTS;
    }

    @Override
    public String renderConfig(FilterIntent intent) {
        return SrosRenderer.config(intent);
    }

    @Override
    public String renderText(FilterIntent intent) {
        return SrosRenderer.text(intent);
    }

    @Override
    public String renderRemoval(FilterIntent owned) {
        return SrosRenderer.removal(owned);
    }

    @Override
    public String managedSubtreeFilter(FilterIntent intent) {
        return SrosRenderer.subtreeFilter(intent);
    }

    @Override
    public ReadResult read(String device, String xml) {
        return SrosReader.read(device, xml);
    }

    /** Entry descriptions are 80 characters; multi-value port and prefix lists are held in list order. */
    @Override
    public FilterIntent normalize(FilterIntent intent) {
        return SrosNotes.normalize(intent);
    }

    /** Embedding into the operator's sla-profile egress filter (see {@link SrosChaining}). */
    @Override
    public java.util.Optional<io.portcullis.platform.Chaining> chaining() {
        return java.util.Optional.of(CHAINING);
    }
}
