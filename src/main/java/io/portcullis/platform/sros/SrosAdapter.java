package io.portcullis.platform.sros;

import io.portcullis.intent.Action;
import io.portcullis.intent.FilterIntent;
import io.portcullis.platform.PlatformAdapter;
import io.portcullis.platform.PlatformFacts;
import io.portcullis.platform.ReadResult;
import java.util.List;

/** PLACEHOLDER until the sros renderer/reader lands: every operation fails loudly. */
public final class SrosAdapter implements PlatformAdapter {
    @Override
    public String id() {
        return "sros";
    }

    @Override
    public PlatformFacts facts() {
        return new PlatformFacts("sros", Action.DISCARD, false, true, true, true, false, List.of());
    }

    @Override
    public String renderConfig(FilterIntent intent) {
        throw new UnsupportedOperationException("sros renderer not implemented yet");
    }

    @Override
    public String renderText(FilterIntent intent) {
        throw new UnsupportedOperationException("sros renderer not implemented yet");
    }

    @Override
    public String renderRemoval(FilterIntent owned) {
        throw new UnsupportedOperationException("sros renderer not implemented yet");
    }

    @Override
    public String managedSubtreeFilter(FilterIntent intent) {
        throw new UnsupportedOperationException("sros reader not implemented yet");
    }

    @Override
    public ReadResult read(String device, String xml) {
        throw new UnsupportedOperationException("sros reader not implemented yet");
    }
}
