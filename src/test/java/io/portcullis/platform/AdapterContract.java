package io.portcullis.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portcullis.intent.FilterIntent;
import io.portcullis.testing.RandomIntents;
import io.portcullis.testing.Yanglint;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What every platform adapter (all six: junos, iosxr, sros, vrp, openconfig, ietf) must do: YANG-valid
 * payloads for the default policy and for random IRs (where the vendor YANG is obtainable), exact round
 * trip of the default policy and of 1,000 random IRs, and DOCTYPE/garbage refusal. Golden files are
 * {@link GoldenFilesTest}'s job. Subclasses add their platform's tolerance and unsupported-feature cases.
 */
public abstract class AdapterContract {
    protected abstract PlatformAdapter adapter();

    /** The vendor YANG the payloads are validated against; null when it is not obtainable (junos, iosxr): those tests skip. */
    protected abstract Yanglint.Model model();

    /** The payload as yanglint sees it: adds device-side context the payload refers to but never writes (identity by default). */
    protected String asValidated(String payload) {
        return payload;
    }

    /** {@link #model()}, or skips the calling test with the reason. */
    private Yanglint.Model yang() {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                model() != null,
                "SKIPPED (documented): no " + adapter().id()
                        + " YANG is obtainable; its payloads are covered by golden files and round trips only");
        return model();
    }

    /** Interfaces the default-policy device binds at (empty if the platform cannot bind). */
    protected abstract List<String> interfaces();

    /** Context documents yanglint needs for this intent (interfaces for leafrefs). */
    protected abstract String[] context(FilterIntent intent);

    protected abstract RandomIntents.Options randomOptions();

    /** A string in the rendered default payload and a replacement that makes it schema-invalid. */
    protected abstract String[] breakPayload();

    /** Adapts a generated intent to a platform limit the generator has no option for (identity by default). */
    protected FilterIntent expressible(FilterIntent generated) {
        return generated;
    }

    /** Device-side shapes the compiler never produces but this platform can hold (see {@link IrVariants}). */
    protected List<IrVariants.Feature> variantFeatures() {
        return List.of();
    }

    protected FilterIntent defaultIntent(boolean exemption) {
        return PlatformFixtures.compiled(adapter(), interfaces(), exemption);
    }

    @Test
    @Tag("slow")
    void defaultPolicyPayloadsAreYangValid() {
        for (boolean exemption : new boolean[] {false, true}) {
            FilterIntent ir = defaultIntent(exemption);
            Yanglint.assertValid(yang(), asValidated(adapter().renderConfig(ir)), context(ir));
        }
    }

    @Test
    @Tag("slow")
    void aBrokenPayloadFailsValidation() {
        yang();
        FilterIntent ir = defaultIntent(false);
        String payload = adapter().renderConfig(ir);
        String[] b = breakPayload();
        assertThat(payload).contains(b[0]);
        Yanglint.Result r = Yanglint.validate(yang(), payload.replace(b[0], b[1]), context(ir));
        assertThat(r.passed()).as("broken payload must fail: " + r.message()).isFalse();
    }

    @Test
    @Tag("slow")
    void removalPayloadIsAValidEdit() {
        FilterIntent ir = defaultIntent(true);
        Yanglint.Result r =
                Yanglint.validate(yang(), Yanglint.Kind.EDIT, adapter().renderRemoval(ir));
        assertThat(r.passed()).as(r.message()).isTrue();
    }

    @Test
    void defaultPolicyRoundTrips() {
        for (boolean exemption : new boolean[] {false, true}) {
            FilterIntent ir = defaultIntent(exemption);
            ReadResult back = adapter().read(ir.device(), adapter().renderConfig(ir));
            assertThat(back.intent()).isEqualTo(adapter().normalize(ir));
            assertThat(back.foreignBindings()).isEmpty();
        }
    }

    @Test
    @Tag("slow")
    void thousandRandomIntentsRoundTripExactly() {
        RandomIntents random =
                new RandomIntents(20261128L, randomOptions(), adapter().id());
        for (int i = 0; i < 1000; i++) {
            FilterIntent ir = expressible(random.next());
            String payload = adapter().renderConfig(ir);
            FilterIntent back = adapter().read(ir.device(), payload).intent();
            assertThat(back)
                    .as("round trip of random intent %d:%n%s", i, payload)
                    .isEqualTo(adapter().normalize(ir));
        }
    }

    @Test
    @Tag("slow")
    void thousandVariedIntentsRoundTripExactly() {
        org.junit.jupiter.api.Assumptions.assumeFalse(
                variantFeatures().isEmpty(), "no device-only shapes for this platform");
        RandomIntents random =
                new RandomIntents(4242L, randomOptions(), adapter().id());
        java.util.Random r = new java.util.Random(99);
        for (int i = 0; i < 1000; i++) {
            FilterIntent ir = expressible(IrVariants.vary(random.next(), r, variantFeatures()));
            String payload = adapter().renderConfig(ir);
            assertThat(adapter().read(ir.device(), payload).intent())
                    .as("round trip of varied intent %d:%n%s", i, payload)
                    .isEqualTo(adapter().normalize(ir));
            if (i % 100 == 0 && model() != null) {
                Yanglint.assertValid(model(), asValidated(payload), context(ir));
            }
        }
    }

    @Test
    @Tag("slow")
    void randomPayloadsAreYangValid() {
        RandomIntents random = new RandomIntents(7L, randomOptions(), adapter().id());
        for (int i = 0; i < 15; i++) {
            FilterIntent ir = expressible(random.next());
            Yanglint.assertValid(yang(), asValidated(adapter().renderConfig(ir)), context(ir));
        }
    }

    @Test
    void doctypeAndGarbageAreRefused() {
        String payload = adapter().renderConfig(defaultIntent(false));
        assertThatThrownBy(
                        () -> adapter().read("d", "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>" + payload))
                .isInstanceOf(ReadException.class);
        assertThatThrownBy(() -> adapter().read("d", payload.substring(0, payload.length() / 2)))
                .isInstanceOf(ReadException.class);
    }

    @Test
    void unrelatedReplyReadsAsNothingOwned() {
        ReadResult r = adapter()
                .read(
                        "d",
                        "<data xmlns=\"urn:ietf:params:xml:ns:netconf:base:1.0\"><system xmlns=\"urn:x\"><a/></system></data>");
        assertThat(r.intent().filters()).isEmpty();
        assertThat(r.intent().bindings()).isEmpty();
    }
}
