package io.portcullis.lab;

import static io.portcullis.lab.Payloads.SUBSCRIBE;
import static io.portcullis.lab.Payloads.confirmedCommit;
import static io.portcullis.lab.Payloads.editCandidate;
import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.lab.device.SimDevice;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
@Tag("lab")
class ConfirmedCommitTest {
    private LabFleet fleet;
    private SimDevice d;
    private SimDevice junos;

    @BeforeEach
    void start() throws Exception {
        fleet = LabFleet.builder()
                .devices(2)
                .platforms("openconfig,junos")
                .password("pw")
                .start();
        d = fleet.device(0);
        junos = fleet.device(1);
    }

    @AfterEach
    void stop() throws Exception {
        fleet.close();
    }

    @Test
    void unconfirmedCommitRevertsWhenTheTimerRunsOutAndSubscribersHearIt() throws Exception {
        String before = d.runningXml();
        try (TestClient watcher = TestClient.connect(fleet, d);
                TestClient c = TestClient.connect(fleet, d)) {
            assertThat(watcher.rpc(SUBSCRIBE)).contains("<ok/>");
            c.rpc(editCandidate("TEMP"));
            assertThat(c.rpc(confirmedCommit(1))).contains("<ok/>");
            assertThat(d.runningXml()).contains("TEMP");
            Wait.until(Duration.ofSeconds(5), "revert after 1 s", () -> !d.runningXml()
                    .contains("TEMP"));
            assertThat(d.runningXml()).isEqualTo(before);
            assertThat(d.confirmedCommitPending()).isFalse();
            StringBuilder events = new StringBuilder();
            for (String n; (n = watcher.notification(Duration.ofSeconds(2))) != null; ) {
                events.append(n);
                if (n.contains("<confirm-event>timeout</confirm-event>")) {
                    break;
                }
            }
            assertThat(events)
                    .contains(
                            "<confirm-event>start</confirm-event>",
                            "<timeout>1</timeout>",
                            "<confirm-event>timeout</confirm-event>");
        }
    }

    @Test
    void confirmingCommitKeepsTheChange() throws Exception {
        try (TestClient c = TestClient.connect(fleet, d)) {
            c.rpc(editCandidate("KEEP"));
            c.rpc(confirmedCommit(1));
            assertThat(c.rpc("<commit/>")).contains("<ok/>");
            Thread.sleep(1500);
            assertThat(d.runningXml()).contains("KEEP");
        }
    }

    @Test
    void sessionDeathRevertsANonPersistentConfirmedCommit() throws Exception {
        try (TestClient c = TestClient.connect(fleet, d)) {
            c.rpc(editCandidate("DIES"));
            assertThat(c.rpc(confirmedCommit(600))).contains("<ok/>");
            assertThat(d.runningXml()).contains("DIES");
        }
        Wait.until(Duration.ofSeconds(5), "revert at session end", () -> !d.runningXml()
                .contains("DIES"));
        assertThat(d.confirmedCommitPending()).isFalse();
    }

    @Test
    void persistentConfirmedCommitSurvivesItsSessionAndIsConfirmedByAnotherWithTheToken() throws Exception {
        try (TestClient c = TestClient.connect(fleet, d)) {
            c.rpc(editCandidate("PERSIST"));
            assertThat(
                            c.rpc(
                                    "<commit><confirmed/><confirm-timeout>600</confirm-timeout><persist>tok-1</persist></commit>"))
                    .contains("<ok/>");
        }
        Thread.sleep(300);
        assertThat(d.runningXml()).contains("PERSIST");
        try (TestClient other = TestClient.connect(fleet, d)) {
            assertThat(other.rpc("<commit/>")).contains("<error-tag>in-use</error-tag>");
            assertThat(other.rpc("<commit><persist-id>wrong</persist-id></commit>"))
                    .contains("<error-tag>invalid-value</error-tag>");
            assertThat(other.rpc("<commit><persist-id>tok-1</persist-id></commit>"))
                    .contains("<ok/>");
        }
        assertThat(d.confirmedCommitPending()).isFalse();
        assertThat(d.runningXml()).contains("PERSIST");
    }

    @Test
    void cancelCommitRevertsAtOnceAndNeedsSomethingPending() throws Exception {
        try (TestClient c = TestClient.connect(fleet, d)) {
            assertThat(c.rpc("<cancel-commit/>")).contains("<error-tag>operation-failed</error-tag>");
            c.rpc(editCandidate("CANCEL"));
            c.rpc(confirmedCommit(600));
            assertThat(c.rpc("<cancel-commit/>")).contains("<ok/>");
            assertThat(d.runningXml()).doesNotContain("CANCEL");
            assertThat(d.candidateXml()).doesNotContain("CANCEL");
        }
    }

    @Test
    void followUpConfirmedCommitResetsTheTimer() throws Exception {
        try (TestClient c = TestClient.connect(fleet, d)) {
            c.rpc(editCandidate("FOLLOW"));
            c.rpc(confirmedCommit(60));
            assertThat(c.rpc(confirmedCommit(1))).contains("<ok/>");
            Wait.until(Duration.ofSeconds(5), "revert after the follow-up's 1 s", () -> !d.runningXml()
                    .contains("FOLLOW"));
        }
    }

    @Test
    void anotherSessionCannotConfirmANonPersistentCommit() throws Exception {
        try (TestClient a = TestClient.connect(fleet, d);
                TestClient b = TestClient.connect(fleet, d)) {
            a.rpc(editCandidate("MINE"));
            a.rpc(confirmedCommit(600));
            assertThat(b.rpc("<commit/>")).contains("<error-tag>in-use</error-tag>", "session " + a.sessionId);
            assertThat(a.rpc("<commit/>")).contains("<ok/>");
        }
    }

    @Test
    void confirmedCommit10DeviceRefusesPersistAndCancel() throws Exception {
        try (TestClient c = TestClient.connect(fleet, junos)) {
            assertThat(c.rpc("<commit><confirmed/><persist>x</persist></commit>"))
                    .contains("<error-tag>unknown-element</error-tag>");
            assertThat(c.rpc("<cancel-commit/>")).contains("<error-tag>operation-not-supported</error-tag>");
        }
    }

    @Test
    void rebootInsideTheConfirmWindowComesBackWithThePreImage() throws Exception {
        String before = d.runningXml();
        TestClient c = TestClient.connect(fleet, d);
        try {
            c.rpc(editCandidate("REBOOT"));
            c.rpc("<commit><confirmed/><persist>p</persist></commit>");
            d.reboot();
            assertThat(c.isClosed(Duration.ofSeconds(5))).isTrue();
            assertThat(d.runningXml()).isEqualTo(before);
        } finally {
            c.close();
        }
    }

    @Test
    void startupSurvivesRebootOnlyAfterCopyConfig() throws Exception {
        try (TestClient c = TestClient.connect(fleet, d)) {
            c.rpc(editCandidate("SAVED"));
            c.rpc("<commit/>");
        }
        d.reboot();
        assertThat(d.runningXml()).doesNotContain("SAVED");
        try (TestClient c = TestClient.connect(fleet, d)) {
            c.rpc(editCandidate("SAVED"));
            c.rpc("<commit/>");
            assertThat(c.rpc("<copy-config><target><startup/></target><source><running/></source></copy-config>"))
                    .contains("<ok/>");
        }
        d.reboot();
        assertThat(d.runningXml()).contains("SAVED");
    }
}
