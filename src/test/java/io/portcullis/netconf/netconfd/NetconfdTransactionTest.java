package io.portcullis.netconf.netconfd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portcullis.intent.FilterIntent;
import io.portcullis.netconf.Credential;
import io.portcullis.netconf.Endpoint;
import io.portcullis.netconf.Failure;
import io.portcullis.netconf.NetconfException;
import io.portcullis.netconf.NetconfSession;
import io.portcullis.netconf.framing.Framing;
import io.portcullis.netconf.rpc.Commit;
import io.portcullis.netconf.rpc.Datastore;
import io.portcullis.netconf.rpc.DiscardChanges;
import io.portcullis.netconf.rpc.Lock;
import io.portcullis.netconf.rpc.Unlock;
import io.portcullis.netconf.rpc.Validate;
import io.portcullis.testing.NetconfdServer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Our client against the real yuma123 netconfd: the safe transaction, read back and compared; auth and host keys. */
class NetconfdTransactionTest extends NetconfdTestBase {
    @Test
    void fullTransactionCommitsThePushedAclAndItReadsBackAsTheSameIntent() throws Exception {
        String prefix = NetconfdServer.uniquePrefix("TX");
        String payload = NetconfdServer.openConfigPayload(prefix);
        FilterIntent pushed = Netconfd.intentOf(payload, prefix);
        assertThat(pushed.filters()).hasSize(2);
        try (NetconfSession s = nd.open();
                NetconfSession observer = nd.open()) {
            assertThat(s.framing()).isEqualTo(Framing.CHUNKED);
            assertThat(s.capabilities().has(":candidate")).isTrue();
            assertThat(s.capabilities().version(":confirmed-commit")).contains("1.1");
            assertThat(s.capabilities().has(":validate")).isTrue();

            s.execute(new Lock(Datastore.CANDIDATE));
            s.execute(Netconfd.edit(payload));
            assertThat(Netconfd.intentOf(Netconfd.acl(s, Datastore.CANDIDATE), prefix))
                    .isEqualTo(pushed);
            s.execute(new Validate(Datastore.CANDIDATE));
            // netconfd quirk (DEVELOPERS.md): <validate> makes the next commit drop the pending edits, so the
            // validated candidate is rebuilt from running and the same edit applied again before committing.
            s.execute(new DiscardChanges());
            s.execute(Netconfd.edit(payload));
            s.execute(Commit.confirmed(120));
            assertThat(Netconfd.intentOf(Netconfd.acl(observer, Datastore.RUNNING), prefix))
                    .as("running during the confirm window, seen from another session")
                    .isEqualTo(pushed);
            s.execute(Commit.commit());
            s.execute(new Unlock(Datastore.CANDIDATE));
        }
        try (NetconfSession later = nd.open()) {
            assertThat(Netconfd.intentOf(Netconfd.acl(later, Datastore.RUNNING), prefix))
                    .as("running after the confirming commit and the end of the session")
                    .isEqualTo(pushed);
        } finally {
            nd.cleanup(prefix);
        }
        try (NetconfSession after = nd.open()) {
            assertThat(Netconfd.intentOf(Netconfd.acl(after, Datastore.RUNNING), prefix)
                            .filters())
                    .isEmpty();
        }
    }

    @Test
    void validateOnTheCandidateMakesNetconfdDropThePendingEditsAtCommit() throws Exception {
        // Pins the netconfd bug that the transaction above works around: commit answers <ok/> and changes nothing.
        String prefix = NetconfdServer.uniquePrefix("VAL");
        try (NetconfSession s = nd.open()) {
            s.execute(new Lock(Datastore.CANDIDATE));
            s.execute(Netconfd.edit(NetconfdServer.openConfigPayload(prefix)));
            s.execute(new Validate(Datastore.CANDIDATE));
            assertThat(s.execute(Commit.commit()).ok()).isTrue();
            s.execute(new Unlock(Datastore.CANDIDATE));
            assertThat(Netconfd.intentOf(Netconfd.acl(s, Datastore.RUNNING), prefix)
                            .filters())
                    .as(
                            "running after edit, validate, commit (if this fails, netconfd was fixed: update DEVELOPERS.md)")
                    .isEmpty();
            assertThat(Netconfd.intentOf(Netconfd.acl(s, Datastore.CANDIDATE), prefix)
                            .filters())
                    .isEmpty();
        } finally {
            nd.cleanup(prefix);
        }
    }

    @Test
    void privateKeyAuthenticationWorksAndAWrongHostKeyIsRefused(@TempDir Path tmp) throws Exception {
        NetconfdServer srv = nd.server;
        Endpoint byKey = Endpoint.of(
                srv.host(),
                srv.port(),
                srv.username(),
                Credential.privateKey(srv.privateKey(), null),
                srv.knownHosts());
        try (NetconfSession s = nd.client.connect(byKey)) {
            assertThat(s.sessionId()).isPositive();
            assertThat(s.transportInfo().hostKeyCheckingOff()).isFalse();
        }

        Path otherKnownHosts = tmp.resolve("known_hosts");
        // a valid ed25519 key that is not the server's: the client key's public half
        String otherKey = Files.readString(Path.of(srv.privateKey() + ".pub")).split(" ")[1];
        Files.writeString(otherKnownHosts, "[" + srv.host() + "]:" + srv.port() + " ssh-ed25519 " + otherKey + "\n");
        Endpoint spoofed = Endpoint.of(
                srv.host(), srv.port(), srv.username(), Credential.password(srv.password()), otherKnownHosts);
        assertThatThrownBy(() -> nd.client.connect(spoofed))
                .isInstanceOf(NetconfException.class)
                .extracting(e -> ((NetconfException) e).failure())
                .isEqualTo(Failure.HOST_KEY_CHANGED);

        Endpoint badPassword = Endpoint.of(
                srv.host(),
                srv.port(),
                srv.username(),
                Credential.password("not-the-password".toCharArray()),
                srv.knownHosts());
        assertThatThrownBy(() -> nd.client.connect(badPassword))
                .isInstanceOf(NetconfException.class)
                .extracting(e -> ((NetconfException) e).failure())
                .isEqualTo(Failure.AUTH_FAILED);
    }
}
