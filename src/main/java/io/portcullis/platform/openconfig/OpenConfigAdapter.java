package io.portcullis.platform.openconfig;

import io.portcullis.intent.FilterIntent;
import io.portcullis.platform.PlatformAdapter;
import io.portcullis.platform.PlatformFacts;
import io.portcullis.platform.ReadResult;

/** OpenConfig openconfig-acl: acl-sets replaced whole, egress-acl-sets bindings merged at static interfaces. */
public final class OpenConfigAdapter implements PlatformAdapter {
    @Override
    public String id() {
        return OpenConfigFacts.PLATFORM;
    }

    @Override
    public PlatformFacts facts() {
        return OpenConfigFacts.FACTS;
    }

    @Override
    public String renderConfig(FilterIntent intent) {
        return OpenConfigRenderer.config(intent);
    }

    @Override
    public String renderText(FilterIntent intent) {
        return OpenConfigRenderer.text(intent);
    }

    @Override
    public String renderRemoval(FilterIntent owned) {
        return OpenConfigRenderer.removal(owned);
    }

    @Override
    public String managedSubtreeFilter(FilterIntent intent) {
        return OpenConfigRenderer.subtreeFilter(intent);
    }

    @Override
    public ReadResult read(String device, String xml) {
        return OpenConfigReader.read(device, xml);
    }
}
