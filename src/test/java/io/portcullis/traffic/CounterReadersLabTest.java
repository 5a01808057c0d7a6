package io.portcullis.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.counters.CounterRead;
import io.portcullis.counters.CounterReader;
import io.portcullis.counters.TermCount;
import io.portcullis.engine.router.NetconfConnector;
import io.portcullis.engine.router.RouterSession;
import io.portcullis.engine.targets.Target;
import io.portcullis.intent.Term;
import io.portcullis.netconf.ClientSettings;
import io.portcullis.platform.registry.CounterReaders;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each platform's counter reader against the lab's operational replies over real NETCONF sessions: every owned
 * term's packets (and bytes where the platform has them) equal what the lab's traffic model counted for it;
 * Junos reports no numbers for a term without a count action, and sums the per-subscriber filter instances.
 */
class CounterReadersLabTest {
    @TempDir
    static Path dir;

    static LabFixture lab;
    static NetconfConnector connector;

    @BeforeAll
    static void start() throws Exception {
        lab = new LabFixture(dir, 6, 2000);
        lab.installPolicy();
        lab.traffic.tick(7);
        lab.traffic.tick(3);
        connector = new NetconfConnector(ClientSettings.defaults(), System::getenv);
    }

    @AfterAll
    static void stop() throws Exception {
        connector.close();
        lab.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"junos", "iosxr", "sros", "vrp", "openconfig", "ietf"})
    void readerReportsWhatTheRouterCounted(String platform) {
        Target t = lab.target(platform);
        CounterReader reader = CounterReaders.find(platform).orElseThrow();
        String reply;
        try (RouterSession s = connector.open(t.device())) {
            reply = s.readOperational(reader.request(t.intent()));
        }
        CounterRead read = reader.parse(t.intent(), reply);
        assertThat(read.unavailable()).isNull();
        assertThat(read.confirmed()).isEqualTo(!platform.equals("vrp"));
        RouterTraffic traffic = lab.traffic.device(t.name());
        int counted = 0;
        for (TermCount c : read.terms()) {
            Term term = t.intent().filter(c.filter()).orElseThrow().terms().stream()
                    .filter(x -> x.name().equals(c.term()))
                    .findFirst()
                    .orElseThrow();
            long[] expected = traffic.total(c.filter(), c.term());
            if (platform.equals("junos") && term.counter() == null) {
                assertThat(c.packets())
                        .as("Junos keeps no counter for " + c.term())
                        .isNull();
                assertThat(c.note()).contains("count action");
                continue;
            }
            assertThat(c.packets())
                    .as(platform + " " + c.filter() + "/" + c.term())
                    .isEqualTo(expected[0]);
            boolean hasBytes = List.of("junos", "sros", "openconfig", "ietf").contains(platform);
            assertThat(c.bytes()).as(platform + " bytes of " + c.term()).isEqualTo(hasBytes ? expected[1] : null);
            counted++;
        }
        assertThat(counted).isGreaterThanOrEqualTo(4);
        assertThat(read.terms().stream()
                        .filter(c -> c.term().equals("deny-smtp"))
                        .mapToLong(c -> c.packets())
                        .sum())
                .as("traffic was counted")
                .isPositive();
        if (platform.equals("junos")) {
            assertThat(read.aggregation()).contains("per-interface/subscriber");
        }
    }
}
