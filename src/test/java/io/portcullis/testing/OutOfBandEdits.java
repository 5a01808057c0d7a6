package io.portcullis.testing;

import io.portcullis.compile.CompiledRouter;
import io.portcullis.engine.Workspace;
import io.portcullis.intent.Filter;
import io.portcullis.intent.FilterIntent;
import io.portcullis.intent.Term;
import io.portcullis.lab.device.SimDevice;
import io.portcullis.platform.registry.Platforms;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Out-of-band changes to lab routers, as someone on the router's CLI would make them. */
public final class OutOfBandEdits {
    private OutOfBandEdits() {}

    /**
     * Deletes the last term of the router's first managed filter (of the policy in {@code policy}): SMTP or SNMP reach
     * subscribers again. The change is made by CLI user {@code user}, which the router's config-change notification names.
     */
    public static void deleteLastTerm(SimDevice device, Path policy, Path inventory, String user) {
        Workspace w = Workspace.load(policy, inventory, device.name(), LocalDate.now());
        FilterIntent intent = w.compileAll().stream()
                .filter(CompiledRouter::inScope)
                .findFirst()
                .orElseThrow()
                .intent();
        List<Filter> filters = new ArrayList<>(intent.filters());
        Filter f = filters.get(0);
        List<Term> terms = new ArrayList<>(f.terms());
        terms.remove(terms.size() - 1);
        filters.set(0, new Filter(f.name(), f.family(), terms, f.defaultAction(), f.description()));
        device.outOfBandEdit(
                Platforms.get(device.platform())
                        .renderConfig(new FilterIntent(intent.device(), intent.platform(), filters, intent.bindings())),
                user);
    }
}
