package io.portcullis.platform.iosxr;

import io.portcullis.intent.FilterIntent;
import io.portcullis.platform.PlatformAdapter;
import io.portcullis.platform.PlatformFacts;
import io.portcullis.platform.ReadResult;

/** Cisco IOS-XR (ASR 9000 BNG), native YANG model; see {@link IosXrFacts} for the quirks. */
public final class IosXrAdapter implements PlatformAdapter {

    @Override
    public String id() {
        return IosXrFacts.PLATFORM;
    }

    @Override
    public PlatformFacts facts() {
        return IosXrFacts.FACTS;
    }

    @Override
    public String renderConfig(FilterIntent intent) {
        return IosXrRenderer.config(intent);
    }

    @Override
    public String renderText(FilterIntent intent) {
        return IosXrRenderer.text(intent);
    }

    @Override
    public String renderRemoval(FilterIntent owned) {
        return IosXrRenderer.removal(owned);
    }

    @Override
    public String managedSubtreeFilter(FilterIntent intent) {
        return IosXrRenderer.subtreeFilter(intent);
    }

    @Override
    public ReadResult read(String device, String xml) {
        return IosXrReader.read(device, xml);
    }
}
