package io.portcullis.platform.junos;

import io.portcullis.intent.FilterIntent;
import io.portcullis.platform.PlatformAdapter;
import io.portcullis.platform.PlatformFacts;
import io.portcullis.platform.ReadResult;

/** Juniper Junos (MX BNG): native {@code <configuration>} XML; see {@link JunosFacts} for the quirks. */
public final class JunosAdapter implements PlatformAdapter {
    private final JunosRenderer renderer = new JunosRenderer();
    private final JunosReader reader = new JunosReader();

    @Override
    public String id() {
        return JunosFacts.PLATFORM;
    }

    @Override
    public PlatformFacts facts() {
        return JunosFacts.facts();
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
}
