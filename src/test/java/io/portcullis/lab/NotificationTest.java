package io.portcullis.lab;

import static io.portcullis.lab.Payloads.SUBSCRIBE;
import static io.portcullis.lab.Payloads.editCandidate;
import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.lab.device.SimDevice;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
@Tag("lab")
class NotificationTest {
    private static LabFleet fleet;

    @BeforeAll
    static void start() throws Exception {
        fleet = LabFleet.builder()
                .devices(2)
                .platforms("junos,openconfig")
                .password("pw")
                .start();
    }

    @AfterAll
    static void stop() throws Exception {
        fleet.close();
    }

    @Test
    void outOfBandCliEditReachesTheSubscriberWithChangedBy() throws Exception {
        SimDevice junos = fleet.device(0);
        try (TestClient watcher = TestClient.connect(fleet, junos)) {
            assertThat(watcher.rpc(SUBSCRIBE)).contains("<ok/>");
            junos.outOfBandEdit(
                    "<configuration><firewall><family><inet><filter><name>SUB-PROTECT-V4</name><term><name>sneaky</name>"
                            + "<then><accept/></then></term></filter></inet></family></firewall></configuration>",
                    "mallory");
            String n = watcher.notification(Duration.ofSeconds(5));
            assertThat(n)
                    .contains(
                            "<netconf-config-change",
                            "<username>mallory</username>",
                            "<session-id>0</session-id>",
                            "<datastore>running</datastore>",
                            "<operation>create</operation>",
                            "filter[name='SUB-PROTECT-V4']",
                            "<eventTime>");
            assertThat(junos.runningXml()).contains("sneaky");
            assertThat(junos.rpcLog().operations()).contains("cli-edit");
        }
    }

    @Test
    void commitByAnotherSessionIsReportedWithItsIdentity() throws Exception {
        SimDevice d = fleet.device(1);
        try (TestClient watcher = TestClient.connect(fleet, d);
                TestClient writer = TestClient.connect(fleet, d)) {
            watcher.rpc(SUBSCRIBE);
            writer.rpc(editCandidate("NOTIFIED"));
            writer.rpc("<commit/>");
            String n = watcher.notification(Duration.ofSeconds(5));
            assertThat(n)
                    .contains(
                            "<username>lab</username>",
                            "<session-id>" + writer.sessionId + "</session-id>",
                            "<source-host>127.0.0.1</source-host>",
                            "acl-set[p0:name='NOTIFIED']");
            // interleave: the subscribed session still answers RPCs
            assertThat(watcher.rpc(Payloads.GET_RUNNING)).contains("NOTIFIED");
        }
    }

    @Test
    void unsupportedStreamsAndReplayAreRefused() throws Exception {
        try (TestClient c = TestClient.connect(fleet, fleet.device(1))) {
            assertThat(
                            c.rpc(
                                    "<create-subscription xmlns=\"urn:ietf:params:xml:ns:netconf:notification:1.0\"><stream>OTHER</stream></create-subscription>"))
                    .contains("invalid-value");
            assertThat(
                            c.rpc(
                                    "<create-subscription xmlns=\"urn:ietf:params:xml:ns:netconf:notification:1.0\"><startTime>2026-01-01T00:00:00Z</startTime></create-subscription>"))
                    .contains("operation-not-supported");
        }
    }
}
