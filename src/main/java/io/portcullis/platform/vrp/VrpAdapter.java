package io.portcullis.platform.vrp;

import io.portcullis.intent.Action;
import io.portcullis.intent.FilterIntent;
import io.portcullis.platform.PlatformAdapter;
import io.portcullis.platform.PlatformFacts;
import io.portcullis.platform.ReadResult;
import java.util.List;

/** PLACEHOLDER until the vrp renderer/reader lands: every operation fails loudly. */
public final class VrpAdapter implements PlatformAdapter {
    @Override
    public String id() {
        return "vrp";
    }

    @Override
    public PlatformFacts facts() {
        return new PlatformFacts("vrp", Action.DISCARD, false, true, true, true, false, List.of());
    }

    @Override
    public String renderConfig(FilterIntent intent) {
        throw new UnsupportedOperationException("vrp renderer not implemented yet");
    }

    @Override
    public String renderText(FilterIntent intent) {
        throw new UnsupportedOperationException("vrp renderer not implemented yet");
    }

    @Override
    public String renderRemoval(FilterIntent owned) {
        throw new UnsupportedOperationException("vrp renderer not implemented yet");
    }

    @Override
    public String managedSubtreeFilter(FilterIntent intent) {
        throw new UnsupportedOperationException("vrp reader not implemented yet");
    }

    @Override
    public ReadResult read(String device, String xml) {
        throw new UnsupportedOperationException("vrp reader not implemented yet");
    }
}
