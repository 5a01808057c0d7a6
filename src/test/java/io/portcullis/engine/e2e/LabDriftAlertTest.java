package io.portcullis.engine.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.portcullis.alert.DriftAlerter;
import io.portcullis.alert.WebhookSink;
import io.portcullis.engine.drift.ChangeWatcher;
import io.portcullis.engine.drift.DriftMonitor;
import io.portcullis.engine.plan.RouterPlan;
import io.portcullis.engine.report.OutcomeState;
import io.portcullis.engine.report.RouterOutcome;
import io.portcullis.engine.report.RunListener;
import io.portcullis.engine.report.RunReport;
import io.portcullis.engine.targets.Target;
import io.portcullis.lab.device.SimDevice;
import io.portcullis.platform.registry.Platforms;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The drift alert on simulated routers of mixed platforms: a person commits a change by hand on one router
 * (out of band, as the lab's CLI user), the netconf-config-change notification triggers a targeted check, a
 * webhook receives the firing alert naming router, packet impact and who changed it; re-applying the policy
 * resolves it. The other routers are never alerted on and never written to.
 */
@Tag("lab")
class LabDriftAlertTest {

    @Test
    void outOfBandChangeOnALabRouterAlertsAWebhookThenResolvesAfterReapply() throws Exception {
        WebhookReceiver alerts = WebhookReceiver.start();
        try (LabFleetEngineTest.Lab lab = LabFleetEngineTest.lab(5)) {
            List<Target> targets = lab.targets();
            RunReport applied =
                    lab.engine().apply(targets, LabFleetEngineTest.opts(5), null, null, null, RunListener.NONE);
            assertThat(applied.routers()).extracting(RouterOutcome::state).containsOnly(OutcomeState.APPLIED);
            DriftAlerter alerter = new DriftAlerter(List.of(new WebhookSink(alerts.uri())));
            try (DriftMonitor monitor = new DriftMonitor(
                            lab.engine(),
                            targets,
                            alerter,
                            new DriftMonitor.Listener() {},
                            5,
                            false,
                            LabFleetEngineTest.opts(5));
                    ChangeWatcher watcher = new ChangeWatcher(
                            lab.connector(), monitor.changeHandler(), Duration.ofMillis(200), Duration.ofSeconds(2))) {
                assertThat(monitor.checkAll("startup")).allMatch(s -> s.inPolicy());
                watcher.watch(targets);
                long until = System.currentTimeMillis() + 10_000;
                while (watcher.subscribed() < targets.size() && System.currentTimeMillis() < until) {
                    Thread.sleep(50);
                }
                assertThat(watcher.subscribed()).isEqualTo(targets.size());
                assertThat(alerts.isEmpty())
                        .as("nothing to alert while every router keeps the policy")
                        .isTrue();
                lab.fleet().devices().forEach(d -> d.rpcLog().clear());

                Target victim = targets.get(2);
                SimDevice device = lab.fleet().device(2);
                device.outOfBandEdit(
                        Platforms.get(device.platform())
                                .renderConfig(LabPlanAndRefusalTest.withoutPort(victim.intent(), 587)),
                        "mallory");

                JsonNode firing = alerts.next(Duration.ofSeconds(10));
                assertThat(firing).as("alert after the out-of-band change").isNotNull();
                assertThat(firing.get("status").asText()).isEqualTo("firing");
                assertThat(firing.toString()).contains(victim.name());
                assertThat(firing.at("/alerts/0/annotations/impact").asText())
                        .contains("TCP/587 toward subscribers")
                        .contains("dropped → forwarded");
                assertThat(firing.at("/alerts/0/annotations/changed_by").asText())
                        .contains("mallory");
                Thread.sleep(500);
                assertThat(alerts.isEmpty())
                        .as("one alert, for the changed router only")
                        .isTrue();

                RunReport fix = lab.engine()
                        .apply(List.of(victim), LabFleetEngineTest.opts(1), null, null, null, RunListener.NONE);
                assertThat(fix.routers().get(0).state()).isEqualTo(OutcomeState.APPLIED);
                JsonNode resolved = alerts.awaitStatus("resolved", Duration.ofSeconds(10));
                assertThat(resolved).as("resolved after re-apply").isNotNull();
                assertThat(resolved.toString()).contains(victim.name());
                assertThat(lab.engine().plan(targets, 5))
                        .extracting(RouterPlan::status)
                        .containsOnly(RouterPlan.Status.IN_SYNC);
                for (int i = 0; i < targets.size(); i++) {
                    if (i != 2) {
                        assertThat(lab.fleet().device(i).rpcLog().operations())
                                .as(targets.get(i).name() + " never written to")
                                .doesNotContain("lock", "edit-config", "commit");
                    }
                }
            }
        } finally {
            alerts.close();
        }
    }
}
