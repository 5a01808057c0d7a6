package io.portcullis.platform.sros;

import io.portcullis.intent.FilterIntent;
import io.portcullis.platform.AdapterContract;
import io.portcullis.platform.IrVariants;
import io.portcullis.platform.PlatformAdapter;
import io.portcullis.testing.RandomIntents;
import io.portcullis.testing.Yanglint;
import java.util.List;

/**
 * The adapter contract for SR OS (nokia-conf 19.7 YANG). Static interfaces are not bound on SR OS
 * (see SrosFacts), so the default-policy device binds nowhere.
 */
class SrosAdapterTest extends AdapterContract {
    private final SrosAdapter adapter = new SrosAdapter();

    @Override
    protected PlatformAdapter adapter() {
        return adapter;
    }

    @Override
    protected Yanglint.Model model() {
        return Yanglint.Model.NOKIA_SROS;
    }

    @Override
    protected List<String> interfaces() {
        return List.of();
    }

    @Override
    protected String[] context(FilterIntent intent) {
        return new String[0];
    }

    @Override
    protected List<IrVariants.Feature> variantFeatures() {
        return List.of(
                IrVariants.Feature.EITHER_PORTS,
                IrVariants.Feature.SOURCE_PORTS,
                IrVariants.Feature.SOURCE_PREFIXES,
                IrVariants.Feature.LOG,
                IrVariants.Feature.NO_DESCRIPTION);
    }

    @Override
    protected RandomIntents.Options randomOptions() {
        return RandomIntents.forFacts(adapter.facts(), List.of(), List.of("RESIDENTIAL", "BUSINESS"));
    }

    /** Every SR OS has filter log 101; an entry that logs points at it, and config-mode validation needs it in the data. */
    @Override
    protected String asValidated(String payload) {
        return SrosYangTest.withSystemLog(payload);
    }

    @Override
    protected String[] breakPayload() {
        return new String[] {"<eq>161</eq>", "<eq>99999</eq>"};
    }
}
