package io.portcullis.engine.e2e;

import io.portcullis.engine.memory.RouterGuard;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** {@link NetconfdValidateQuirkTest} with the quirk remembered in this process only. */
@Tag("netconfd")
class NetconfdCandidateProofTest {
    @Test
    void applyEndsAppliedWithoutInventoryTuningAndTheSecondRunSkipsValidate() throws Exception {
        NetconfdValidateQuirkTest.applyTwiceWithoutInventoryTuning(RouterGuard.inProcess());
    }
}
