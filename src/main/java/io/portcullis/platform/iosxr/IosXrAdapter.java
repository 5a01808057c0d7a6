package io.portcullis.platform.iosxr;

import io.portcullis.intent.FilterIntent;
import io.portcullis.platform.PlatformAdapter;
import io.portcullis.platform.PlatformFacts;
import io.portcullis.platform.ReadResult;

/** Cisco IOS-XR (ASR 9000 BNG), native YANG model; see {@link IosXrFacts} for the quirks. */
public final class IosXrAdapter implements PlatformAdapter {
    private final IosXrRenderer renderer = new IosXrRenderer();
    private final IosXrReader reader = new IosXrReader();

    @Override
    public String id() {
        return IosXrFacts.PLATFORM;
    }

    @Override
    public PlatformFacts facts() {
        return IosXrFacts.facts();
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
