package io.portcullis.netconf;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.netconf.fixture.FakeNetconfServer;
import io.portcullis.netconf.rpc.CreateSubscription;
import io.portcullis.netconf.rpc.NetconfRpc;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** RFC 5277 subscription and RFC 6470 event parsing. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class NotificationTest extends SessionTestSupport {
    private static final String NCN = "urn:ietf:params:xml:ns:yang:ietf-netconf-notifications";

    @Test
    void subscriptionDeliversParsedConfigChangeAndConfirmedCommitEvents() throws Exception {
        FakeNetconfServer server = FakeNetconfServer.base11("urn:ietf:params:netconf:capability:notification:1.0")
                .script((s, id, op) -> {
                    // the first notification races ahead of the reply (ncc #35): it must not be lost
                    s.notification("<netconf-config-change xmlns=\"" + NCN + "\"><changed-by><username>fred</username>"
                            + "<session-id>4</session-id><source-host>192.0.2.9</source-host></changed-by>"
                            + "<datastore>running</datastore><edit><target xmlns:acl=\"urn:acl\">/acl:acls/acl:acl[acl:name='X']"
                            + "</target><operation>merge</operation></edit></netconf-config-change>");
                    s.reply(id, "<ok/>");
                    s.notification(
                            "<netconf-confirmed-commit xmlns=\"" + NCN + "\"><username>bob</username><session-id>9"
                                    + "</session-id><confirm-event>timeout</confirm-event></netconf-confirmed-commit>");
                    s.notification("<netconf-config-change xmlns=\"" + NCN + "\"><changed-by><server/></changed-by>"
                            + "</netconf-config-change>");
                });
        try (NetconfSession s = open(server)) {
            assertThat(s.execute(CreateSubscription.defaultStream()).ok()).isTrue();
            assertThat(server.receivedOperations).containsExactly("create-subscription");
            Notification first = s.notifications().poll(Duration.ofSeconds(2)).orElseThrow();
            assertThat(first.eventTime()).contains(Instant.parse("2026-11-28T12:00:00Z"));
            ConfigChangeEvent change = first.configChange().orElseThrow();
            assertThat(change.changedBy()).isEqualTo(new ChangedBy(false, "fred", 4L, "192.0.2.9"));
            assertThat(change.datastore()).isEqualTo("running");
            assertThat(change.edits()).singleElement().satisfies(e -> {
                assertThat(e.target()).isEqualTo("/acl:acls/acl:acl[acl:name='X']");
                assertThat(e.targetNamespaces()).containsEntry("acl", "urn:acl");
                assertThat(e.operation()).isEqualTo("merge");
            });
            ConfirmedCommitEvent cc = s.notifications()
                    .poll(Duration.ofSeconds(2))
                    .orElseThrow()
                    .confirmedCommit()
                    .orElseThrow();
            assertThat(cc.confirmEvent()).isEqualTo("timeout");
            assertThat(cc.by().username()).isEqualTo("bob");
            assertThat(cc.by().sessionId()).isEqualTo(9L);
            ConfigChangeEvent byServer = s.notifications()
                    .poll(Duration.ofSeconds(2))
                    .orElseThrow()
                    .configChange()
                    .orElseThrow();
            assertThat(byServer.changedBy().server()).isTrue();
            assertThat(s.notifications().received()).isEqualTo(3);
        }
    }

    @Test
    void subscriptionNeedsTheNotificationCapability() throws Exception {
        try (NetconfSession s = open(FakeNetconfServer.base11())) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> s.execute(CreateSubscription.defaultStream()))
                    .hasMessageContaining("lacks :notification");
        }
    }

    @Test
    void overflowFailsTheSessionInsteadOfDropping() throws Exception {
        FakeNetconfServer server = FakeNetconfServer.base11().script((s, id, op) -> {
            for (int i = 0; i < 20; i++) {
                s.notification("<tick xmlns=\"urn:x\"/>");
            }
        });
        NetconfSession s = open(server, settings().withNotificationCapacity(10));
        s.send(NetconfRpc.raw("get", "<get/>"), Duration.ofSeconds(2));
        long deadline = System.currentTimeMillis() + 3000;
        while (s.isOpen() && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
        }
        assertThat(s.closeCause().orElseThrow().failure()).isEqualTo(Failure.NOTIFICATION_OVERFLOW);
    }
}
