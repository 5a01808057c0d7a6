package io.portcullis.platform.vrp;

import io.portcullis.intent.FilterIntent;
import io.portcullis.platform.PlatformAdapter;
import io.portcullis.platform.PlatformFacts;
import io.portcullis.platform.ReadResult;

/**
 * Huawei VRP8 huawei-acl: named advanced ACLs for IPv4 and IPv6, each replaced whole. Bindings are
 * not written (see {@link VrpFacts}): an IR with bindings is an UnsupportedFeatureException.
 */
public final class VrpAdapter implements PlatformAdapter {
    @Override
    public String id() {
        return VrpFacts.PLATFORM;
    }

    @Override
    public PlatformFacts facts() {
        return VrpFacts.FACTS;
    }

    @Override
    public String renderConfig(FilterIntent intent) {
        return VrpRenderer.config(intent);
    }

    @Override
    public String renderText(FilterIntent intent) {
        return VrpRenderer.text(intent);
    }

    @Override
    public String renderRemoval(FilterIntent owned) {
        return VrpRenderer.removal(owned);
    }

    @Override
    public String managedSubtreeFilter(FilterIntent intent) {
        return VrpRenderer.subtreeFilter(intent);
    }

    @Override
    public ReadResult read(String device, String xml) {
        return VrpReader.read(device, xml);
    }

    /** IPv4 ACLs live in aclGroups and IPv6 ones in aclGroup6s, so a read lists IPv4 filters first. */
    @Override
    public FilterIntent normalize(FilterIntent intent) {
        java.util.List<io.portcullis.intent.Filter> filters = new java.util.ArrayList<>(intent.filters());
        filters.sort(java.util.Comparator.comparing(io.portcullis.intent.Filter::family));
        return new FilterIntent(intent.device(), intent.platform(), filters, intent.bindings());
    }
}
