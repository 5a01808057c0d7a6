package io.portcullis.lab;

import static io.portcullis.lab.Payloads.LOCK_CANDIDATE;
import static io.portcullis.lab.Payloads.editCandidate;
import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.lab.device.SessionPort;
import io.portcullis.lab.device.SimDevice;
import io.portcullis.netconf.xml.SecureXml;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * An RPC that was already on its way into the device when its session ended (a reboot, a dropped connection: the
 * transport's worker waits for the device's monitor while the session is torn down) must not act: found by the soak
 * (scripts/soak.sh), where an edit-config processed after its session's clean-up left the candidate dirty for good and
 * every later apply was refused with FOREIGN_UNCOMMITTED_CHANGES; a lock taken that way would never be released.
 */
@Tag("lab")
class DeadSessionRpcTest {
    private LabFleet fleet;
    private SimDevice d;

    @BeforeEach
    void start() throws Exception {
        fleet = LabFleet.builder()
                .devices(1)
                .platforms("openconfig")
                .password("pw")
                .start();
        d = fleet.device(0);
    }

    @AfterEach
    void stop() throws Exception {
        fleet.close();
    }

    @Test
    void anEditArrivingAfterARebootEndedItsSessionLeavesTheCandidateClean() throws Exception {
        Port p = session();
        d.reboot();
        rpc(p, editCandidate("LATE"));
        assertThat(d.candidateXml()).isEqualTo(d.runningXml()).doesNotContain("LATE");
    }

    @Test
    void aLockArrivingAfterTheSessionEndedIsNotHeld() throws Exception {
        Port p = session();
        d.sessionEnded(p.id);
        rpc(p, LOCK_CANDIDATE);
        assertThat(d.locks()).isEmpty();
    }

    @Test
    void aLiveSessionStillEdits() throws Exception {
        Port p = session();
        rpc(p, editCandidate("LIVE"));
        assertThat(d.candidateXml()).contains("LIVE");
    }

    private Port session() {
        Port p = new Port();
        p.id = d.openSession(p);
        d.sessionStarted(p);
        return p;
    }

    private void rpc(Port p, String operation) throws Exception {
        String xml = "<rpc xmlns=\"urn:ietf:params:xml:ns:netconf:base:1.0\" message-id=\"1\">" + operation + "</rpc>";
        Element rpc = SecureXml.parse(xml.getBytes(StandardCharsets.UTF_8)).getDocumentElement();
        Element op = (Element) rpc.getElementsByTagNameNS("*", "*").item(0);
        d.handle(p, rpc, op, xml);
    }

    /** A transport session that does nothing but exist. */
    private static final class Port implements SessionPort {
        int id;

        @Override
        public int sessionId() {
            return id;
        }

        @Override
        public String username() {
            return "pw-user";
        }

        @Override
        public String sourceHost() {
            return "127.0.0.1";
        }

        @Override
        public void sendNotification(String xml) {}

        @Override
        public void terminate() {}

        @Override
        public boolean subscribed() {
            return false;
        }

        @Override
        public void subscribe() {}
    }
}
