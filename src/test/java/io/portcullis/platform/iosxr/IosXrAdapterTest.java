package io.portcullis.platform.iosxr;

import io.portcullis.intent.FilterIntent;
import io.portcullis.platform.AdapterContract;
import io.portcullis.platform.IrVariants;
import io.portcullis.platform.PlatformAdapter;
import io.portcullis.testing.RandomIntents;
import io.portcullis.testing.Yanglint;
import java.util.List;

/** The adapter contract for IOS-XR: Cisco's native YANG is not in ../shared/yang, so the YANG cases skip. */
class IosXrAdapterTest extends AdapterContract {
    private final IosXrAdapter adapter = new IosXrAdapter();

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
        return List.of("Bundle-Ether1.100", "TenGigE0/0/0/1.200");
    }

    @Override
    protected String[] context(FilterIntent intent) {
        return new String[0];
    }

    @Override
    protected List<IrVariants.Feature> variantFeatures() {
        return List.of(
                IrVariants.Feature.SOURCE_PORTS,
                IrVariants.Feature.SOURCE_PREFIXES,
                IrVariants.Feature.LOG,
                IrVariants.Feature.NO_DESCRIPTION);
    }

    @Override
    protected RandomIntents.Options randomOptions() {
        return RandomIntents.forFacts(
                adapter.facts(), List.of("Bundle-Ether1.100", "TenGigE0/0/0/1.200"), List.of("IPOE-SUB", "PPPOE-SUB"));
    }

    @Override
    protected String[] breakPayload() {
        return new String[0];
    }
}
