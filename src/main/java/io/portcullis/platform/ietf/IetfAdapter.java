package io.portcullis.platform.ietf;

import io.portcullis.intent.Filter;
import io.portcullis.intent.FilterIntent;
import io.portcullis.intent.Term;
import io.portcullis.platform.PlatformAdapter;
import io.portcullis.platform.PlatformFacts;
import io.portcullis.platform.ReadResult;
import java.util.ArrayList;
import java.util.List;

/** IETF RFC 8519 ACLs: acl entries replaced whole, attachment-point egress acl-sets merged. */
public final class IetfAdapter implements PlatformAdapter {
    @Override
    public String id() {
        return IetfFacts.PLATFORM;
    }

    @Override
    public PlatformFacts facts() {
        return IetfFacts.FACTS;
    }

    @Override
    public String renderConfig(FilterIntent intent) {
        return IetfRenderer.config(intent);
    }

    @Override
    public String renderText(FilterIntent intent) {
        return IetfRenderer.text(intent);
    }

    @Override
    public String renderRemoval(FilterIntent owned) {
        return IetfRenderer.removal(owned);
    }

    @Override
    public String managedSubtreeFilter(FilterIntent intent) {
        return IetfRenderer.subtreeFilter(intent);
    }

    @Override
    public ReadResult read(String device, String xml) {
        return IetfReader.read(device, xml);
    }

    /**
     * RFC 8519 has no description, counter-name or sequence-number leaves (per-ace statistics are
     * implicit): drop descriptions and counter names, number terms 10, 20, … by position. Nothing
     * that decides a packet's fate changes.
     */
    @Override
    public FilterIntent normalize(FilterIntent intent) {
        List<Filter> filters = new ArrayList<>();
        for (Filter f : intent.filters()) {
            List<Term> terms = new ArrayList<>();
            for (int i = 0; i < f.terms().size(); i++) {
                Term t = f.terms().get(i);
                terms.add(new Term(t.name(), (i + 1) * 10, t.match(), t.action(), null, t.log(), null));
            }
            filters.add(new Filter(f.name(), f.family(), terms, f.defaultAction(), null));
        }
        return new FilterIntent(intent.device(), intent.platform(), filters, intent.bindings());
    }
}
