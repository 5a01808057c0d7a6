package io.portcullis.netconf.netconfd;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.netconf.ConfigChangeEvent;
import io.portcullis.netconf.NetconfSession;
import io.portcullis.netconf.Notification;
import io.portcullis.netconf.rpc.Commit;
import io.portcullis.netconf.rpc.CreateSubscription;
import io.portcullis.netconf.rpc.Datastore;
import io.portcullis.netconf.rpc.Lock;
import io.portcullis.netconf.rpc.Unlock;
import io.portcullis.testing.NetconfdServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** Confirmed commit that is never confirmed, and RFC 6470 notifications for another session's change, on netconfd. */
class NetconfdConfirmedCommitAndNotificationsTest extends NetconfdTestBase {
    @Test
    void confirmedCommitThatIsNotConfirmedIsRevertedAndTheTimeoutIsNotified() throws Exception {
        String prefix = NetconfdServer.uniquePrefix("CC");
        try (NetconfSession watcher = nd.open();
                NetconfSession s = nd.open()) {
            watcher.execute(CreateSubscription.defaultStream());
            s.execute(new Lock(Datastore.CANDIDATE));
            s.execute(Netconfd.edit(NetconfdServer.openConfigPayload(prefix)));
            s.execute(Commit.confirmed(2));
            assertThat(Netconfd.intentOf(Netconfd.acl(s, Datastore.RUNNING), prefix)
                            .filters())
                    .hasSize(2);

            // netconfd runs its confirm timer only after 1 s without input from any session: stay quiet.
            Thread.sleep(4_500);

            assertThat(Netconfd.intentOf(Netconfd.acl(s, Datastore.RUNNING), prefix)
                            .filters())
                    .as("running after the 2 s confirm-timeout passed unconfirmed")
                    .isEmpty();
            assertThat(Netconfd.intentOf(Netconfd.acl(s, Datastore.CANDIDATE), prefix)
                            .filters())
                    .isEmpty();
            List<String> events = new ArrayList<>();
            awaitEvent(
                    watcher,
                    n -> n.confirmedCommit()
                            .map(c -> {
                                events.add(c.confirmEvent());
                                return "timeout".equals(c.confirmEvent());
                            })
                            .orElse(false),
                    Duration.ofSeconds(5));
            assertThat(events).containsSubsequence("start", "timeout");
            s.execute(new Unlock(Datastore.CANDIDATE));
        }
    }

    @Test
    void endingTheSessionBeforeTheConfirmRevertsAtOnce() throws Exception {
        String prefix = NetconfdServer.uniquePrefix("CE");
        try (NetconfSession observer = nd.open()) {
            try (NetconfSession s = nd.open()) {
                s.execute(Netconfd.edit(NetconfdServer.openConfigPayload(prefix)));
                s.execute(Commit.confirmed(600));
                assertThat(Netconfd.intentOf(Netconfd.acl(observer, Datastore.RUNNING), prefix)
                                .filters())
                        .hasSize(2);
            }
            assertThat(Netconfd.intentOf(Netconfd.acl(observer, Datastore.RUNNING), prefix)
                            .filters())
                    .as("running right after the committing session closed without confirming")
                    .isEmpty();
        }
    }

    @Test
    void aChangeCommittedByAnotherSessionArrivesAsNetconfConfigChange() throws Exception {
        String prefix = NetconfdServer.uniquePrefix("NTF");
        try (NetconfSession watcher = nd.open();
                NetconfSession changer = nd.open()) {
            watcher.execute(CreateSubscription.defaultStream());
            changer.execute(new Lock(Datastore.CANDIDATE));
            changer.execute(Netconfd.edit(NetconfdServer.openConfigPayload(prefix)));
            changer.execute(Commit.commit());
            changer.execute(new Unlock(Datastore.CANDIDATE));

            Notification n = awaitEvent(
                    watcher,
                    x -> x.configChange()
                            .filter(c -> c.changedBy().sessionId() != null
                                    && c.changedBy().sessionId() == changer.sessionId())
                            .isPresent(),
                    Duration.ofSeconds(10));
            ConfigChangeEvent change = n.configChange().orElseThrow();
            assertThat(change.changedBy().username()).isEqualTo(nd.server.username());
            assertThat(change.changedBy().sourceHost()).isEqualTo("127.0.0.1");
            assertThat(change.edits()).isNotEmpty();
            assertThat(change.edits()).anySatisfy(e -> {
                // netconfd names the highest node it created: /oc-acl:acl on an empty server, else the acl-set
                assertThat(e.target()).startsWith("/oc-acl:acl");
                assertThat(e.target().equals("/oc-acl:acl") || e.target().contains(prefix))
                        .as(e.target())
                        .isTrue();
                assertThat(e.targetNamespaces()).containsEntry("oc-acl", "http://openconfig.net/yang/acl");
                assertThat(e.operation()).isEqualTo("create");
            });
            assertThat(n.eventTime()).isPresent();
        } finally {
            nd.cleanup(prefix);
        }
    }

    private static Notification awaitEvent(NetconfSession s, Predicate<Notification> wanted, Duration within)
            throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<Notification> n = s.notifications().poll(Duration.ofMillis(200));
            if (n.isPresent() && wanted.test(n.get())) {
                return n.get();
            }
        }
        throw new AssertionError("no matching notification on session " + s.sessionId() + " within " + within);
    }
}
