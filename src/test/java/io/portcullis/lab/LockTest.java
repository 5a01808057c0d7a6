package io.portcullis.lab;

import static io.portcullis.lab.Payloads.LOCK_CANDIDATE;
import static io.portcullis.lab.Payloads.UNLOCK_CANDIDATE;
import static io.portcullis.lab.Payloads.editCandidate;
import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.lab.device.LockHolder;
import io.portcullis.lab.device.LockShape;
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
class LockTest {
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
    void aSecondSessionIsDeniedTheLockAndToldWhoHoldsIt() throws Exception {
        try (TestClient a = TestClient.connect(fleet, d);
                TestClient b = TestClient.connect(fleet, d)) {
            assertThat(a.rpc(LOCK_CANDIDATE)).contains("<ok/>");
            String denied = b.rpc(LOCK_CANDIDATE);
            assertThat(denied)
                    .contains("<error-tag>lock-denied</error-tag>", "<session-id>" + a.sessionId + "</session-id>");
            assertThat(b.rpc(editCandidate("B"))).contains("<error-tag>in-use</error-tag>");
            assertThat(b.rpc(UNLOCK_CANDIDATE)).contains("<error-tag>operation-failed</error-tag>");
            assertThat(a.rpc(UNLOCK_CANDIDATE)).contains("<ok/>");
            assertThat(b.rpc(LOCK_CANDIDATE)).contains("<ok/>");
        }
    }

    @Test
    void sessionEndReleasesLocksAndDiscardsItsUncommittedEdits() throws Exception {
        try (TestClient b = TestClient.connect(fleet, d)) {
            try (TestClient a = TestClient.connect(fleet, d)) {
                a.rpc(LOCK_CANDIDATE);
                assertThat(a.rpc(editCandidate("ABANDONED"))).contains("<ok/>");
                assertThat(d.candidateXml()).contains("ABANDONED");
            }
            Wait.until(Duration.ofSeconds(5), "session A gone", () -> d.sessionCount() == 1);
            assertThat(d.candidateXml()).doesNotContain("ABANDONED");
            assertThat(b.rpc(LOCK_CANDIDATE)).contains("<ok/>");
        }
    }

    @Test
    void lockIsRefusedWhileAnotherSessionHasUncommittedCandidateChanges() throws Exception {
        try (TestClient a = TestClient.connect(fleet, d);
                TestClient b = TestClient.connect(fleet, d)) {
            assertThat(a.rpc(editCandidate("DIRTY"))).contains("<ok/>");
            String denied = b.rpc(LOCK_CANDIDATE);
            assertThat(denied)
                    .contains(
                            "<error-tag>lock-denied</error-tag>",
                            "uncommitted changes",
                            "<session-id>" + a.sessionId + "</session-id>");
            assertThat(a.rpc("<discard-changes/>")).contains("<ok/>");
            assertThat(b.rpc(LOCK_CANDIDATE)).contains("<ok/>");
        }
    }

    @Test
    void vendorShapedLockDeniedReplies() throws Exception {
        try (TestClient c = TestClient.connect(fleet, d)) {
            d.outOfBandLock();
            assertThat(c.rpc(LOCK_CANDIDATE)).contains("lock-denied", "<session-id>0</session-id>", "non-NETCONF");
            d.holdLock("candidate", new LockHolder(12969, "vyatta", LockShape.TEXT));
            assertThat(c.rpc(LOCK_CANDIDATE)).contains("<session-id>session is locked by 12969</session-id>");
            d.holdLock("candidate", new LockHolder(0, "ops", LockShape.JUNOS_MESSAGE));
            assertThat(c.rpc(LOCK_CANDIDATE))
                    .contains("configuration database locked by:", "ops")
                    .doesNotContain("<session-id>");
            d.holdLock("candidate", new LockHolder(77, "other", LockShape.NUMERIC));
            assertThat(c.rpc(LOCK_CANDIDATE)).contains("<session-id>77</session-id>");
            assertThat(c.rpc(editCandidate("X"))).contains("<error-tag>in-use</error-tag>");
            d.releaseLock("candidate");
            assertThat(c.rpc(LOCK_CANDIDATE)).contains("<ok/>");
        }
    }

    @Test
    void killSessionEndsTheOtherSessionAndFreesItsLock() throws Exception {
        try (TestClient a = TestClient.connect(fleet, d);
                TestClient b = TestClient.connect(fleet, d)) {
            a.rpc(LOCK_CANDIDATE);
            assertThat(b.rpc("<kill-session><session-id>" + b.sessionId + "</session-id></kill-session>"))
                    .contains("invalid-value");
            assertThat(b.rpc("<kill-session><session-id>" + a.sessionId + "</session-id></kill-session>"))
                    .contains("<ok/>");
            assertThat(a.isClosed(Duration.ofSeconds(5))).isTrue();
            assertThat(b.rpc(LOCK_CANDIDATE)).contains("<ok/>");
        }
    }
}
