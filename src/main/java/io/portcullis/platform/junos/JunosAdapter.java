package io.portcullis.platform.junos;

import io.portcullis.intent.FilterIntent;
import io.portcullis.platform.PlatformAdapter;
import io.portcullis.platform.PlatformFacts;
import io.portcullis.platform.ReadResult;

/** Juniper Junos (MX BNG): native {@code <configuration>} XML; see {@link JunosFacts} for the quirks. */
public final class JunosAdapter implements PlatformAdapter {

    @Override
    public String id() {
        return JunosFacts.PLATFORM;
    }

    @Override
    public PlatformFacts facts() {
        return JunosFacts.FACTS;
    }

    @Override
    public String renderConfig(FilterIntent intent) {
        return JunosRenderer.config(intent);
    }

    @Override
    public String renderText(FilterIntent intent) {
        return JunosRenderer.text(intent);
    }

    @Override
    public String renderRemoval(FilterIntent owned) {
        return JunosRenderer.removal(owned);
    }

    @Override
    public String managedSubtreeFilter(FilterIntent intent) {
        return JunosRenderer.subtreeFilter(intent);
    }

    @Override
    public ReadResult read(String device, String xml) {
        return JunosReader.read(device, xml);
    }
}
