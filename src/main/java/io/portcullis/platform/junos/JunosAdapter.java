package io.portcullis.platform.junos;

import io.portcullis.intent.Action;
import io.portcullis.intent.FilterIntent;
import io.portcullis.platform.PlatformAdapter;
import io.portcullis.platform.PlatformFacts;
import io.portcullis.platform.ReadResult;
import java.util.List;

/** PLACEHOLDER until the junos renderer/reader lands: every operation fails loudly. */
public final class JunosAdapter implements PlatformAdapter {
    @Override
    public String id() {
        return "junos";
    }

    @Override
    public PlatformFacts facts() {
        return new PlatformFacts("junos", Action.DISCARD, false, true, true, true, false, List.of());
    }

    @Override
    public String renderConfig(FilterIntent intent) {
        throw new UnsupportedOperationException("junos renderer not implemented yet");
    }

    @Override
    public String renderText(FilterIntent intent) {
        throw new UnsupportedOperationException("junos renderer not implemented yet");
    }

    @Override
    public String renderRemoval(FilterIntent owned) {
        throw new UnsupportedOperationException("junos renderer not implemented yet");
    }

    @Override
    public String managedSubtreeFilter(FilterIntent intent) {
        throw new UnsupportedOperationException("junos reader not implemented yet");
    }

    @Override
    public ReadResult read(String device, String xml) {
        throw new UnsupportedOperationException("junos reader not implemented yet");
    }
}
