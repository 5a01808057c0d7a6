package io.portcullis.netconf.netconfd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portcullis.netconf.NetconfSession;
import io.portcullis.netconf.RpcErrorException;
import io.portcullis.netconf.rpc.CancelCommit;
import io.portcullis.netconf.rpc.Commit;
import io.portcullis.netconf.rpc.Datastore;
import io.portcullis.netconf.rpc.Lock;
import io.portcullis.netconf.rpc.Unlock;
import io.portcullis.testing.NetconfdServer;
import org.junit.jupiter.api.Test;

/**
 * Persistent confirmed commit on netconfd (what apply --on-failure revert and recover rely on): the pending
 * commit survives its session, and a second session confirms or cancels it with the persist-id.
 */
class NetconfdPersistentCommitTest extends NetconfdTestBase {
    private static final String TOKEN = "pcl-test-persist-token-1";

    private static void commitPersistentAndLeave(String prefix, String token) throws Exception {
        try (NetconfSession s = nd.open()) {
            s.execute(new Lock(Datastore.CANDIDATE));
            s.execute(Netconfd.edit(NetconfdServer.openConfigPayload(prefix)));
            s.execute(Commit.confirmedPersistent(600, token));
        } // the committing session ends without confirming
    }

    @Test
    void aPersistentCommitSurvivesItsSessionAndIsConfirmedByPersistIdFromAnotherSession() throws Exception {
        String prefix = NetconfdServer.uniquePrefix("PC");
        try {
            commitPersistentAndLeave(prefix, TOKEN);
            try (NetconfSession other = nd.open()) {
                assertThat(Netconfd.intentOf(Netconfd.acl(other, Datastore.RUNNING), prefix)
                                .filters())
                        .as("still there after the committing session ended")
                        .hasSize(2);
                assertThatThrownBy(() -> other.execute(Commit.confirmPersistent(TOKEN + "-wrong")))
                        .isInstanceOfSatisfying(
                                RpcErrorException.class,
                                e -> assertThat(e.errors().get(0).tag()).isEqualTo("invalid-value"));
                other.execute(Commit.confirmPersistent(TOKEN));
                // confirmed: another session may lock again (a pending commit would refuse it with in-use)
                other.execute(new Lock(Datastore.CANDIDATE));
                other.execute(new Unlock(Datastore.CANDIDATE));
                assertThat(Netconfd.intentOf(Netconfd.acl(other, Datastore.RUNNING), prefix)
                                .filters())
                        .hasSize(2);
            }
        } finally {
            nd.cleanup(prefix);
        }
    }

    @Test
    void aPersistentCommitIsCancelledByPersistIdFromAnotherSession() throws Exception {
        String prefix = NetconfdServer.uniquePrefix("PX");
        boolean reverted = false;
        try {
            commitPersistentAndLeave(prefix, TOKEN + "-x");
            try (NetconfSession other = nd.open()) {
                assertThat(Netconfd.intentOf(Netconfd.acl(other, Datastore.RUNNING), prefix)
                                .filters())
                        .hasSize(2);
                other.execute(new CancelCommit(TOKEN + "-x"));
                assertThat(Netconfd.intentOf(Netconfd.acl(other, Datastore.RUNNING), prefix)
                                .filters())
                        .as("reverted")
                        .isEmpty();
                reverted = true;
                // nothing pending any more: the persist-id is refused instead of committing whatever the candidate
                // holds
                assertThatThrownBy(() -> other.execute(Commit.confirmPersistent(TOKEN + "-x")))
                        .isInstanceOf(RpcErrorException.class);
            }
        } finally {
            if (!reverted) {
                nd.cleanup(prefix);
            }
        }
    }

    @Test
    void aFollowUpConfirmedCommitWithPersistIdFromAnotherSessionExtendsTheWindow() throws Exception {
        String prefix = NetconfdServer.uniquePrefix("PE");
        try {
            try (NetconfSession s = nd.open()) {
                s.execute(Netconfd.edit(NetconfdServer.openConfigPayload(prefix)));
                s.execute(Commit.confirmedPersistent(2, TOKEN + "-e"));
            }
            try (NetconfSession other = nd.open()) {
                // what apply --on-failure revert sends to keep a held router's window open
                other.execute(new Commit(true, 600L, null, TOKEN + "-e"));
            }
            Thread.sleep(4_500); // idle (netconfd runs its timer only when idle), well past the first 2 s
            try (NetconfSession other = nd.open()) {
                assertThat(Netconfd.intentOf(Netconfd.acl(other, Datastore.RUNNING), prefix)
                                .filters())
                        .as("still pending after the original 2 s window: the follow-up reset the timer")
                        .hasSize(2);
                other.execute(Commit.confirmPersistent(TOKEN + "-e"));
            }
        } finally {
            nd.cleanup(prefix);
        }
    }
}
