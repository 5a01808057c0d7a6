package io.portcullis.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.diff.ChangeExplainer;
import io.portcullis.engine.fake.TestPlatform;
import io.portcullis.engine.fake.TestTargets;
import io.portcullis.engine.plan.EngineContext;
import io.portcullis.engine.plan.RouterPlan;
import io.portcullis.engine.router.NetconfConnector;
import io.portcullis.engine.targets.Target;
import io.portcullis.inventory.Credentials;
import io.portcullis.inventory.Device;
import io.portcullis.inventory.HostKeyChecking;
import io.portcullis.netconf.ClientSettings;
import io.portcullis.netconf.fixture.FakeNetconfServer;
import io.portcullis.netconf.fixture.TestSshServer;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.sshd.common.signature.BuiltinSignatures;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * D.6 #44: a router reached only through its per-device weak-algorithm exception (an ssh-rsa-only server) is
 * planned, and the plan report says so; a router with strong algorithms gets no such warning.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
@Tag("slow") // real SSH handshakes with an in-test server, several seconds
class TransportWarningsTest {
    private static final String PASSWORD = "transport-warning-pw";

    private static FakeNetconfServer emptyAcl() {
        return FakeNetconfServer.base11().script((s, id, op) -> s.reply(id, "<data><acl xmlns=\"urn:test\"/></data>"));
    }

    private static Device device(String name, int port, Path knownHosts, List<String> exceptions) {
        return new Device(
                name,
                "127.0.0.1",
                port,
                "test",
                List.of("bng"),
                List.of(TestTargets.IFACE),
                List.of(),
                new Credentials(TestSshServer.USER, "TW_PASSWORD", null, null),
                knownHosts,
                HostKeyChecking.STRICT,
                false,
                exceptions,
                Map.of());
    }

    private static RouterPlan plan(Device d) {
        ClientSettings settings = ClientSettings.defaults()
                .withConnectTimeout(Duration.ofSeconds(5))
                .withAuthTimeout(Duration.ofSeconds(5));
        TestPlatform platform = new TestPlatform(false);
        try (NetconfConnector c = new NetconfConnector(settings, Map.of("TW_PASSWORD", PASSWORD)::get)) {
            Engine e = new Engine(
                    new EngineContext(c, id -> platform, new ChangeExplainer(), new VerifierProver()), "test");
            return e.plan(
                            List.of(new Target(
                                    d, TestTargets.intent(d.name(), TestTargets.seedTerms()), TestTargets.promise())),
                            1)
                    .get(0);
        }
    }

    @Test
    void weakAlgorithmExceptionInUseShowsInThePlanReport(@TempDir Path tmp) throws Exception {
        KeyPair rsa = TestSshServer.rsaKey();
        try (TestSshServer server = TestSshServer.start(
                rsa,
                PASSWORD,
                null,
                TransportWarningsTest::emptyAcl,
                s -> s.setSignatureFactories(List.of(BuiltinSignatures.rsa)))) {
            Path kh = TestSshServer.knownHosts(tmp, server.port(), rsa.getPublic());
            RouterPlan refused = plan(device("r-weak", server.port(), kh, List.of()));
            assertThat(refused.status()).isEqualTo(RouterPlan.Status.ERROR);
            assertThat(refused.errorKind()).isEqualTo("host key rejected");

            RouterPlan excepted = plan(device("r-weak", server.port(), kh, List.of("ssh-rsa")));
            assertThat(excepted.status()).as(String.valueOf(excepted)).isEqualTo(RouterPlan.Status.CHANGES);
            assertThat(excepted.warnings()).anySatisfy(w -> assertThat(w)
                    .contains("r-weak")
                    .contains("weak SSH algorithm(s) ssh-rsa")
                    .contains("ssh-algorithm-exceptions"));
        }
    }

    @Test
    void strongAlgorithmsGiveNoTransportWarning(@TempDir Path tmp) throws Exception {
        KeyPair ec = TestSshServer.ecKey();
        try (TestSshServer server = TestSshServer.start(ec, PASSWORD, null, TransportWarningsTest::emptyAcl, s -> {})) {
            RouterPlan p = plan(device(
                    "r-strong",
                    server.port(),
                    TestSshServer.knownHosts(tmp, server.port(), ec.getPublic()),
                    List.of()));
            assertThat(p.status()).as(String.valueOf(p)).isEqualTo(RouterPlan.Status.CHANGES);
            assertThat(p.warnings()).noneSatisfy(w -> assertThat(w).containsAnyOf("weak SSH", "host key checking off"));
        }
    }
}
