package io.portcullis.engine.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.engine.plan.RouterPlan;
import io.portcullis.engine.report.OutcomeState;
import io.portcullis.engine.report.RouterOutcome;
import io.portcullis.engine.report.RunListener;
import io.portcullis.engine.report.RunReport;
import io.portcullis.lab.device.SimDevice;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * D.3 #26 on simulated routers with a startup datastore: apply saves running to startup after the confirm, so the
 * policy survives a reboot; when the save fails the outcome says so, a reboot brings the old filters back (drift
 * sees it), and the next apply saves startup without editing anything.
 */
@Tag("lab")
class StartupSaveLabTest {

    @Test
    void appliedPolicySurvivesARebootBecauseStartupIsSavedAndProven() throws Exception {
        try (LabFleetEngineTest.Lab lab = LabFleetEngineTest.lab(2)) {
            RunReport r =
                    lab.engine().apply(lab.targets(), LabFleetEngineTest.opts(2), null, null, null, RunListener.NONE);
            assertThat(r.routers())
                    .extracting(RouterOutcome::reason)
                    .as(r.routers().toString())
                    .containsOnly("APPLIED");
            for (SimDevice d : lab.fleet().devices()) {
                assertThat(d.rpcLog().operations()).as(d.name()).contains("copy-config");
                assertThat(d.startupXml()).as(d.name() + " startup").contains("PORTCULLIS-");
            }
            SimDevice d = lab.fleet().device(0);
            d.reboot();
            assertThat(d.runningXml())
                    .as("running after the reboot comes from startup")
                    .contains("PORTCULLIS-");
            assertThat(lab.engine().plan(lab.targets(), 2))
                    .extracting(RouterPlan::status)
                    .containsOnly(RouterPlan.Status.IN_SYNC);
        }
    }

    @Test
    void aFailedSaveIsReportedARebootIsDriftAndTheNextApplySavesWithoutEditing() throws Exception {
        try (LabFleetEngineTest.Lab lab = LabFleetEngineTest.lab(2)) {
            SimDevice d = lab.fleet().device(0);
            d.faults().dropConnectionOn("copy-config");

            RunReport r =
                    lab.engine().apply(lab.targets(), LabFleetEngineTest.opts(2), null, null, null, RunListener.NONE);

            RouterOutcome o = r.routers().get(0);
            assertThat(o.state()).as(o.message()).isEqualTo(OutcomeState.APPLIED);
            assertThat(o.reason()).isEqualTo("STARTUP_NOT_SAVED");
            assertThat(o.message()).contains("NOT saved to startup").contains("next reboot");
            assertThat(d.runningXml()).contains("PORTCULLIS-");
            assertThat(d.startupXml()).doesNotContain("PORTCULLIS-");
            assertThat(r.routers().get(1).reason()).isEqualTo("APPLIED");

            // the save is retried by the next apply, which finds running in sync and edits nothing
            d.faults().clear();
            d.rpcLog().clear();
            RouterOutcome again = lab.engine()
                    .apply(lab.targets().subList(0, 1), LabFleetEngineTest.opts(1), null, null, null, RunListener.NONE)
                    .routers()
                    .get(0);
            assertThat(again.state()).as(again.message()).isEqualTo(OutcomeState.NO_CHANGE);
            assertThat(again.reason()).isEqualTo("STARTUP_SAVED");
            assertThat(d.rpcLog().operations()).contains("copy-config").doesNotContain("edit-config", "lock", "commit");
            assertThat(d.startupXml()).contains("PORTCULLIS-");
        }
    }

    @Test
    void aRebootAfterAFailedSaveBringsTheOldFiltersBackAndPlanSeesIt() throws Exception {
        try (LabFleetEngineTest.Lab lab = LabFleetEngineTest.lab(1)) {
            SimDevice d = lab.fleet().device(0);
            d.faults().dropConnectionOn("copy-config");
            assertThat(lab.engine()
                            .apply(lab.targets(), LabFleetEngineTest.opts(1), null, null, null, RunListener.NONE)
                            .routers()
                            .get(0)
                            .reason())
                    .isEqualTo("STARTUP_NOT_SAVED");
            d.faults().clear();

            d.reboot();

            List<RouterPlan> plan = lab.engine().plan(lab.targets(), 1);
            assertThat(plan.get(0).status()).isEqualTo(RouterPlan.Status.CHANGES);
            assertThat(d.runningXml()).doesNotContain("PORTCULLIS-");
        }
    }
}
