package io.portcullis.lab;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.lab.device.SimDevice;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
@Tag("lab")
class LabServerTest {
    private static LabFleet fleet;

    @BeforeAll
    static void start() throws Exception {
        fleet = LabFleet.builder()
                .devices(2)
                .platforms("openconfig,junos")
                .password("s3cret")
                .start();
    }

    @AfterAll
    static void stop() throws Exception {
        fleet.close();
    }

    @Test
    void helloAdvertisesCapabilitiesAndASessionId() throws Exception {
        try (TestClient c = TestClient.connect(fleet, fleet.device(0))) {
            assertThat(c.serverHello)
                    .contains(
                            "urn:ietf:params:netconf:base:1.1",
                            ":candidate:1.0",
                            ":confirmed-commit:1.1",
                            ":validate:1.1",
                            ":rollback-on-error:1.0",
                            ":startup:1.0",
                            ":notification:1.0",
                            ":interleave:1.0",
                            "module=openconfig-acl");
            assertThat(c.sessionId).isPositive();
        }
        try (TestClient c = TestClient.connect(fleet, fleet.device(1))) {
            assertThat(c.serverHello).contains(":confirmed-commit:1.0").doesNotContain(":confirmed-commit:1.1");
        }
    }

    @Test
    void getConfigEditCommitRoundTripOverChunkedAndEndOfMessageFraming() throws Exception {
        SimDevice d = fleet.device(0);
        try (TestClient c = TestClient.connect(fleet, d)) {
            String running = c.rpc("<get-config><source><running/></source></get-config>");
            assertThat(running).contains("message-id=\"101\"", "FOREIGN-MGMT", "Ethernet1/1");
            String edit = c.rpc(
                    "<edit-config><target><candidate/></target><config><acl xmlns=\"http://openconfig.net/yang/acl\""
                            + " xmlns:oc-acl=\"http://openconfig.net/yang/acl\"><acl-sets><acl-set><name>SUB-PROTECT-V4</name>"
                            + "<type>oc-acl:ACL_IPV4</type><config><name>SUB-PROTECT-V4</name><type>oc-acl:ACL_IPV4</type></config>"
                            + "</acl-set></acl-sets></acl></config></edit-config>");
            assertThat(edit).contains("<ok/>");
            assertThat(d.runningXml()).doesNotContain("SUB-PROTECT-V4");
            assertThat(c.rpc("<commit/>")).contains("<ok/>");
            assertThat(d.runningXml()).contains("SUB-PROTECT-V4");
        }
        try (TestClient c = TestClient.connectBase10(fleet, d)) {
            String filtered = c.rpc(
                    "<get-config><source><running/></source><filter type=\"subtree\"><acl xmlns=\"http://openconfig.net/yang/acl\">"
                            + "<acl-sets><acl-set><name>SUB-PROTECT-V4</name></acl-set></acl-sets></acl></filter></get-config>");
            assertThat(filtered).contains("SUB-PROTECT-V4").doesNotContain("FOREIGN-MGMT", "Ethernet1/1");
        }
    }

    @Test
    void errorsAreStructuredAndEchoTheMessageId() throws Exception {
        try (TestClient c = TestClient.connect(fleet, fleet.device(0))) {
            String reply = c.rpc("<frobnicate/>");
            assertThat(reply)
                    .contains("<rpc-error>", "<error-tag>operation-not-supported</error-tag>", "message-id=\"101\"");
            String missing = c.rpc(
                    "<edit-config><target><candidate/></target><config><acl xmlns=\"http://openconfig.net/yang/acl\">"
                            + "<acl-sets><acl-set xmlns:nc=\"" + TestClient.BASE
                            + "\" nc:operation=\"delete\"><name>NOPE</name><type>x</type>"
                            + "</acl-set></acl-sets></acl></config></edit-config>");
            assertThat(missing)
                    .contains(
                            "<error-tag>data-missing</error-tag>",
                            "<error-path>/acl/acl-sets/acl-set[name='NOPE'][type='x']</error-path>");
        }
    }

    @Test
    void wrongPasswordIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TestClient.connect(fleet.device(0), "lab", "wrong"))
                .isInstanceOf(Exception.class);
    }
}
