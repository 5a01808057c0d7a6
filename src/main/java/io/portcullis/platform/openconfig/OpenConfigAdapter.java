package io.portcullis.platform.openconfig;

import io.portcullis.intent.Action;
import io.portcullis.intent.FilterIntent;
import io.portcullis.platform.PlatformAdapter;
import io.portcullis.platform.PlatformFacts;
import io.portcullis.platform.ReadResult;
import java.util.List;

/** PLACEHOLDER until the openconfig renderer/reader lands: every operation fails loudly. */
public final class OpenConfigAdapter implements PlatformAdapter {
    @Override
    public String id() {
        return "openconfig";
    }

    @Override
    public PlatformFacts facts() {
        return new PlatformFacts("openconfig", Action.DISCARD, false, true, true, true, false, List.of());
    }

    @Override
    public String renderConfig(FilterIntent intent) {
        throw new UnsupportedOperationException("openconfig renderer not implemented yet");
    }

    @Override
    public String renderText(FilterIntent intent) {
        throw new UnsupportedOperationException("openconfig renderer not implemented yet");
    }

    @Override
    public String renderRemoval(FilterIntent owned) {
        throw new UnsupportedOperationException("openconfig renderer not implemented yet");
    }

    @Override
    public String managedSubtreeFilter(FilterIntent intent) {
        throw new UnsupportedOperationException("openconfig reader not implemented yet");
    }

    @Override
    public ReadResult read(String device, String xml) {
        throw new UnsupportedOperationException("openconfig reader not implemented yet");
    }
}
