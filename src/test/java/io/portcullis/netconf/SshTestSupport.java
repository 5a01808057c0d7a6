package io.portcullis.netconf;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.netconf.fixture.TestSshServer;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;

/** Real SSH against an in-test MINA server; checks that no client thread or socket outlives the client. */
@Tag("lab")
abstract class SshTestSupport {
    static final String PASSWORD = "S3ntinel-pw-7f3a9c";

    @TempDir
    Path tmp;

    TestSshServer server;
    NetconfClient client;
    private Set<Thread> threadsBefore = Set.of();

    ClientSettings fast() {
        return ClientSettings.defaults()
                .withConnectTimeout(Duration.ofSeconds(5))
                .withAuthTimeout(Duration.ofSeconds(5))
                .withHelloTimeout(Duration.ofSeconds(2))
                .withRpcTimeout(Duration.ofSeconds(3))
                .withCloseTimeout(Duration.ofMillis(800));
    }

    Endpoint endpoint(Path knownHosts) {
        return Endpoint.of(
                "127.0.0.1",
                server.port(),
                TestSshServer.USER,
                Credential.password(PASSWORD.toCharArray()),
                knownHosts);
    }

    Path knownHosts() throws Exception {
        return TestSshServer.knownHosts(tmp, server.port(), server.hostKey.getPublic());
    }

    static int openFds() {
        String[] fds = new File("/proc/self/fd").list();
        return fds == null ? 0 : fds.length;
    }

    /**
     * Client threads that did not exist before this test: other test classes in the same JVM (lab, engine)
     * may legitimately keep their own clients open, and they are not this test's leak.
     */
    List<String> clientThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .filter(t -> !threadsBefore.contains(t))
                .map(Thread::getName)
                .filter(n -> n.contains("SshClient") || n.contains("netconf-deadlines"))
                .toList();
    }

    @BeforeEach
    void recordThreadsBefore() {
        threadsBefore = Set.copyOf(Thread.getAllStackTraces().keySet());
    }

    @AfterEach
    void noLeaks() throws Exception {
        if (client != null) {
            client.close();
        }
        long deadline = System.currentTimeMillis() + 5000;
        while (!clientThreads().isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertThat(clientThreads()).as("client threads after close").isEmpty();
        if (server != null) {
            server.close();
        }
    }
}
