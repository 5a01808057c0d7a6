package io.portcullis.netconf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portcullis.netconf.fixture.FakeNetconfServer;
import io.portcullis.netconf.fixture.TestSshServer;
import io.portcullis.netconf.rpc.NetconfRpc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.sshd.common.cipher.BuiltinCiphers;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.kex.BuiltinDHFactories;
import org.apache.sshd.common.signature.BuiltinSignatures;
import org.apache.sshd.server.ServerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Checklist D.6 #43 (host keys), #44 (algorithms), #48 (no stray identities). */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SshSecurityTest extends SshTestSupport {

    private static Failure failureOf(Throwable t) {
        return ((NetconfException) t).failure();
    }

    @Test
    void knownHostKeyConnectsWithStrongAlgorithms() throws Exception {
        server = TestSshServer.start(PASSWORD, FakeNetconfServer::base11);
        client = NetconfClient.create(fast());
        try (NetconfSession s = client.connect(endpoint(knownHosts()))) {
            assertThat(s.execute(NetconfRpc.raw("get", "<get/>")).ok()).isTrue();
            TransportInfo info = s.transportInfo();
            assertThat(info.weakAlgorithmsInUse()).isEmpty();
            assertThat(info.hostKeyCheckingOff()).isFalse();
            assertThat(info.algorithms().values()).doesNotContain("chacha20-poly1305@openssh.com", "ssh-rsa");
            assertThat(info.algorithms()).containsValue("aes256-gcm@openssh.com");
            assertThat(info.hostKeyFingerprint()).isEqualTo(KeyUtils.getFingerPrint(server.hostKey.getPublic()));
        }
    }

    @Test
    void unknownHostKeyIsRefusedAndKnownHostsIsNotTouched() throws Exception {
        server = TestSshServer.start(PASSWORD, FakeNetconfServer::base11);
        client = NetconfClient.create(fast());
        Path empty = Files.writeString(tmp.resolve("known_hosts"), "");
        assertThatThrownBy(() -> client.connect(endpoint(empty)))
                .satisfies(e -> assertThat(failureOf(e)).isEqualTo(Failure.HOST_KEY_UNKNOWN))
                .hasMessageContaining("not in known_hosts");
        assertThat(Files.readString(empty)).isEmpty();
        assertThat(server.passwordAttempts.get())
                .as("no credentials sent to an unverified host")
                .isZero();
    }

    @Test
    void changedHostKeyIsRefusedAsAnAlarmAndNeverAutoUpdated() throws Exception {
        server = TestSshServer.start(PASSWORD, FakeNetconfServer::base11);
        client = NetconfClient.create(fast());
        Path kh = TestSshServer.knownHosts(
                tmp, server.port(), TestSshServer.ecKey().getPublic());
        String before = Files.readString(kh);
        for (HostKeyPolicy policy : List.of(HostKeyPolicy.STRICT, HostKeyPolicy.ACCEPT_NEW)) {
            assertThatThrownBy(() -> client.connect(endpoint(kh).withHostKeyPolicy(policy)))
                    .satisfies(e -> assertThat(failureOf(e)).isEqualTo(Failure.HOST_KEY_CHANGED))
                    .hasMessageContaining("HOST KEY CHANGED");
        }
        assertThat(Files.readString(kh)).isEqualTo(before);
        assertThat(server.passwordAttempts.get()).isZero();
    }

    @Test
    void acceptNewEnrolsTheKeyThenStrictAccepts() throws Exception {
        server = TestSshServer.start(PASSWORD, FakeNetconfServer::base11);
        client = NetconfClient.create(fast());
        Path kh = tmp.resolve("enrol_known_hosts");
        try (NetconfSession s = client.connect(endpoint(kh).withHostKeyPolicy(HostKeyPolicy.ACCEPT_NEW))) {
            assertThat(s.isOpen()).isTrue();
        }
        assertThat(Files.readString(kh)).contains("[127.0.0.1]:" + server.port());
        try (NetconfSession s = client.connect(endpoint(kh))) {
            assertThat(s.isOpen()).isTrue();
        }
    }

    @Test
    void offConnectsButIsReported() throws Exception {
        server = TestSshServer.start(PASSWORD, FakeNetconfServer::base11);
        client = NetconfClient.create(fast());
        Endpoint off = new Endpoint(
                "127.0.0.1",
                server.port(),
                TestSshServer.USER,
                Credential.password(PASSWORD.toCharArray()),
                null,
                HostKeyPolicy.OFF,
                Set.of());
        try (NetconfSession s = client.connect(off)) {
            assertThat(s.transportInfo().hostKeyCheckingOff()).isTrue();
        }
    }

    @Test
    void sha1RsaHostKeyOnlyServerIsRefusedUnlessExcepted() throws Exception {
        KeyPair rsa = TestSshServer.rsaKey();
        server = TestSshServer.start(
                rsa,
                PASSWORD,
                null,
                FakeNetconfServer::base11,
                s -> s.setSignatureFactories(List.of(BuiltinSignatures.rsa)));
        client = NetconfClient.create(fast());
        Path kh = TestSshServer.knownHosts(tmp, server.port(), rsa.getPublic());
        assertThatThrownBy(() -> client.connect(endpoint(kh)))
                .satisfies(e -> assertThat(failureOf(e)).isEqualTo(Failure.ALGORITHM_REFUSED));
        try (NetconfSession s = client.connect(endpoint(kh).withWeakAlgorithmExceptions(Set.of("ssh-rsa")))) {
            assertThat(s.transportInfo().weakAlgorithmsInUse()).containsExactly("ssh-rsa");
        }
    }

    @Test
    void group14Sha1OnlyServerIsRefusedUnlessExcepted() throws Exception {
        server = TestSshServer.start(
                TestSshServer.ecKey(),
                PASSWORD,
                null,
                FakeNetconfServer::base11,
                s -> s.setKeyExchangeFactories(List.of(ServerBuilder.DH2KEX.apply(BuiltinDHFactories.dhg14))));
        client = NetconfClient.create(fast());
        assertThatThrownBy(() -> client.connect(endpoint(knownHosts())))
                .satisfies(e -> assertThat(failureOf(e)).isEqualTo(Failure.ALGORITHM_REFUSED));
        try (NetconfSession s = client.connect(
                endpoint(knownHosts()).withWeakAlgorithmExceptions(Set.of("diffie-hellman-group14-sha1")))) {
            assertThat(s.transportInfo().weakAlgorithmsInUse()).containsExactly("diffie-hellman-group14-sha1");
        }
    }

    @Test
    void chacha20AndCbcAreNeverNegotiated() throws Exception {
        for (BuiltinCiphers only : List.of(BuiltinCiphers.cc20p1305_openssh, BuiltinCiphers.aes128cbc)) {
            server = TestSshServer.start(
                    TestSshServer.ecKey(),
                    PASSWORD,
                    null,
                    FakeNetconfServer::base11,
                    s -> s.setCipherFactories(List.of(only)));
            client = NetconfClient.create(fast());
            assertThatThrownBy(() -> client.connect(endpoint(knownHosts())))
                    .satisfies(e -> assertThat(failureOf(e)).isEqualTo(Failure.ALGORITHM_REFUSED));
            client.close();
            server.close();
        }
        client = null;
        server = null;
    }

    @Test
    void onlyTheConfiguredKeyIsOfferedEvenWithKeysPlantedInHome() throws Exception {
        KeyPair configured = TestSshServer.ecKey();
        KeyPair planted = TestSshServer.ecKey();
        Path home = tmp.resolve("home");
        TestSshServer.writePrivateKey(home.resolve(".ssh/id_ecdsa"), planted);
        TestSshServer.writePrivateKey(home.resolve(".ssh/id_rsa"), TestSshServer.rsaKey());
        Path keyFile = TestSshServer.writePrivateKey(tmp.resolve("device_key"), configured);
        String oldHome = System.getProperty("user.home");
        System.setProperty("user.home", home.toString());
        org.apache.sshd.common.util.io.PathUtils.setUserHomeFolderResolver(() -> home);
        try {
            server = TestSshServer.start(
                    TestSshServer.ecKey(), null, configured.getPublic(), FakeNetconfServer::base11, s -> {});
            // control: a MINA client with its defaults does offer the planted keys, so this test can fail. MINA caches
            // its default identity folder JVM-wide, so the control only runs when that cache points at our fake home.
            boolean homeResolved = org
                    .apache
                    .sshd
                    .client
                    .config
                    .keys
                    .DefaultClientIdentitiesWatcher
                    .getDefaultBuiltinIdentitiesPaths()
                    .stream()
                    .allMatch(p -> p.startsWith(home));
            if (homeResolved) {
                org.apache.sshd.client.SshClient plain = org.apache.sshd.client.SshClient.setUpDefaultClient();
                plain.setServerKeyVerifier((session, remote, key) -> true);
                plain.start();
                try (var session = plain.connect(TestSshServer.USER, "127.0.0.1", server.port())
                        .verify(5000)
                        .getSession()) {
                    session.auth().await(5000);
                } finally {
                    plain.stop();
                }
                assertThat(server.offeredKeys)
                        .as("control: default MINA offers ~/.ssh keys")
                        .contains(KeyUtils.getFingerPrint(planted.getPublic()));
            }
            server.offeredKeys.clear();
            client = NetconfClient.create(fast());
            Endpoint e = Endpoint.of(
                    "127.0.0.1", server.port(), TestSshServer.USER, Credential.privateKey(keyFile, null), knownHosts());
            try (NetconfSession s = client.connect(e)) {
                assertThat(s.isOpen()).isTrue();
            }
            assertThat(server.offeredKeys).containsOnly(KeyUtils.getFingerPrint(configured.getPublic()));
            // with a password credential no key at all is offered
            server.offeredKeys.clear();
            server.close();
            server = TestSshServer.start(PASSWORD, FakeNetconfServer::base11);
            try (NetconfSession s = client.connect(endpoint(knownHosts()))) {
                assertThat(s.isOpen()).isTrue();
            }
            assertThat(server.offeredKeys).isEmpty();
        } finally {
            System.setProperty("user.home", oldHome);
            org.apache.sshd.common.util.io.PathUtils.setUserHomeFolderResolver(() -> Path.of(oldHome));
        }
    }

    @Test
    void unreadableKeyFileIsALocalError() throws Exception {
        server = TestSshServer.start(PASSWORD, FakeNetconfServer::base11);
        client = NetconfClient.create(fast());
        Path garbage = Files.writeString(tmp.resolve("bad_key"), "not a key");
        Endpoint e = Endpoint.of(
                "127.0.0.1", server.port(), TestSshServer.USER, Credential.privateKey(garbage, null), knownHosts());
        assertThatThrownBy(() -> client.connect(e))
                .satisfies(x -> assertThat(failureOf(x)).isIn(Failure.LOCAL));
    }
}
