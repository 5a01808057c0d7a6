package io.portcullis.platform.junos;

import io.portcullis.intent.FilterIntent;
import io.portcullis.platform.AdapterContract;
import io.portcullis.platform.IrVariants;
import io.portcullis.platform.PlatformAdapter;
import io.portcullis.testing.RandomIntents;
import io.portcullis.testing.Yanglint;
import java.util.List;

/** The adapter contract for Junos: no YANG is obtainable (see {@link JunosYangTest}), so the YANG cases skip. */
class JunosAdapterTest extends AdapterContract {
    private final JunosAdapter adapter = new JunosAdapter();

    @Override
    protected PlatformAdapter adapter() {
        return adapter;
    }

    @Override
    protected Yanglint.Model model() {
        return null;
    }

    @Override
    protected List<String> interfaces() {
        return List.of("ge-1/0/0.100", "ae0.7");
    }

    @Override
    protected String[] context(FilterIntent intent) {
        return new String[0];
    }

    @Override
    protected List<IrVariants.Feature> variantFeatures() {
        return List.of(IrVariants.Feature.values());
    }

    @Override
    protected RandomIntents.Options randomOptions() {
        return RandomIntents.forFacts(
                adapter.facts(), List.of("ge-1/0/0.100", "xe-2/1/3.4001", "ae0.7"), List.of("PPPOE-SUB", "DHCP-SUB"));
    }

    @Override
    protected String[] breakPayload() {
        return new String[0];
    }
}
