package io.portcullis.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.portcullis.engine.Workspace;
import io.portcullis.engine.counters.CounterSample;
import io.portcullis.engine.counters.NetconfCounterSampler;
import io.portcullis.engine.router.NetconfConnector;
import io.portcullis.engine.targets.Target;
import io.portcullis.intent.AddressFamily;
import io.portcullis.intent.Filter;
import io.portcullis.lab.LabFleet;
import io.portcullis.lab.device.SimDevice;
import io.portcullis.platform.registry.Platforms;
import io.portcullis.traffic.LabTraffic;
import io.portcullis.traffic.PacketClass;
import io.portcullis.traffic.RouterTraffic;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * serve's counter sampling over a real SSH lab with traffic: nothing before the policy is on the routers, a baseline
 * on the first read, then per interval exactly the SMTP/SNMP probes each router dropped per family (the traffic's own
 * packet fates), the metric at the router's counter, an out-of-band removal of TCP/2525 showing fewer SMTP drops,
 * and an unreachable router keeping its history.
 */
@Tag("lab")
class CounterSamplingTest {
    private static final String PASSWORD = "Counter-Sampling-Sentinel-19";

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void roundsExportTheCountersAndChartWhatEachRouterDropped(@TempDir Path dir) throws Exception {
        try (LabFleet fleet = LabFleet.builder()
                        .devices(3)
                        .platforms("junos,iosxr,openconfig")
                        .password(PASSWORD)
                        .start();
                LabTraffic traffic = LabTraffic.attach(fleet, 1000);
                NetconfConnector connector = NetconfConnector.create()) {
            Path inv = dir.resolve("inventory");
            fleet.writeInventory(inv, "PORTCULLIS_LAB_PASSWORD");
            Files.writeString(inv.resolve("lab-password"), PASSWORD);
            Path groups = inv.resolve("groups.yaml");
            Files.writeString(
                    groups,
                    Files.readString(groups)
                            .replace("password-env: PORTCULLIS_LAB_PASSWORD", "password-file: lab-password"));
            List<Target> targets = Workspace.load(Path.of("policy"), inv, null).compileAll().stream()
                    .map(c -> new Target(c.device(), c.intent(), c.promise()))
                    .toList();
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            DropHistory history = new DropHistory(100);
            CounterRounds rounds =
                    new CounterRounds(new NetconfCounterSampler(connector, 4, Clock.systemUTC()), history, registry);

            // before the policy is on the routers: nothing of ours to count, nothing charted, no series
            traffic.tick(5);
            for (CounterSample s : rounds.round(targets)) {
                assertThat(s.read().available()).as(s.router()).isFalse();
                assertThat(history.verdict(s.router()).orElseThrow()).startsWith("counters unavailable (");
                assertThat(history.intervals(s.router())).isEmpty();
            }
            assertThat(registry.find("portcullis_filter_matched_packets").meters())
                    .isEmpty();

            for (Target t : targets) {
                fleet.device(t.name())
                        .outOfBandEdit(Platforms.get(t.device().platform()).renderConfig(t.intent()));
            }
            traffic.tick(5);
            rounds.round(targets);
            for (Target t : targets) {
                assertThat(history.intervals(t.name()))
                        .as("the first read is a baseline")
                        .isEmpty();
                assertThat(metric(registry, t.name(), "ipv4", "deny-smtp"))
                        .as("the metric is the router's own counter")
                        .isEqualTo(routerTotal(traffic.device(t.name()), t, AddressFamily.IPV4, "deny-smtp"));
            }

            Map<String, Map<String, Long>> before = droppedFates(traffic);
            traffic.tick(10);
            rounds.round(targets);
            Map<String, Map<String, Long>> after = droppedFates(traffic);
            for (Target t : targets) {
                List<DropHistory.Interval> iv = history.intervals(t.name());
                assertThat(iv).as(t.name()).hasSize(1);
                Map<String, Long> expected = minus(after.get(t.name()), before.get(t.name()));
                assertThat(expected.get("SMTP ipv4"))
                        .as("the mix has SMTP probes")
                        .isPositive();
                assertThat(iv.get(0).dropped())
                        .as(t.name() + ": the probes the router dropped, by service and family")
                        .containsAllEntriesOf(expected);
                if (t.device().platform().equals("openconfig")) {
                    // (Junos counts only terms with a count action, and our accept term has none)
                    assertThat(iv.get(0).forwarded())
                            .as("the accept terms counted the rest")
                            .isPositive();
                }
                assertThat(history.verdict(t.name()).orElseThrow()).startsWith("enforcing: ");
                assertThat(metric(registry, t.name(), "ipv6", "deny-snmp"))
                        .isEqualTo(routerTotal(traffic.device(t.name()), t, AddressFamily.IPV6, "deny-snmp"));
            }

            // someone deletes the TCP/2525 entry on the OpenConfig router: 2525 probes are forwarded, SMTP drops fall
            Target oc = targets.stream()
                    .filter(t -> t.device().platform().equals("openconfig"))
                    .findFirst()
                    .orElseThrow();
            fleet.device(oc.name()).outOfBandEdit("""
                    <config xmlns="urn:ietf:params:xml:ns:netconf:base:1.0" xmlns:nc="urn:ietf:params:xml:ns:netconf:base:1.0">
                     <acl xmlns="http://openconfig.net/yang/acl" xmlns:oc-acl="http://openconfig.net/yang/acl"><acl-sets><acl-set>
                      <name>PORTCULLIS-SUBPROTECT-V4</name><type>oc-acl:ACL_IPV4</type>
                      <acl-entries><acl-entry nc:operation="delete"><sequence-id>23</sequence-id></acl-entry></acl-entries>
                     </acl-set></acl-sets></acl></config>""");
            before = droppedFates(traffic);
            traffic.tick(10);
            rounds.round(targets);
            after = droppedFates(traffic);
            List<DropHistory.Interval> ocIv = history.intervals(oc.name());
            assertThat(ocIv).hasSize(2);
            long smtpBefore = ocIv.get(0).dropped().get("SMTP ipv4");
            long smtpAfter = ocIv.get(1).dropped().get("SMTP ipv4");
            assertThat(smtpAfter)
                    .as("TCP/2525 no longer dropped")
                    .isLessThan(smtpBefore)
                    .isEqualTo(
                            minus(after.get(oc.name()), before.get(oc.name())).get("SMTP ipv4"));
            assertThat(history.droppedSince(oc.name(), Instant.EPOCH))
                    .contains(ocIv.get(0).totalDropped() + ocIv.get(1).totalDropped());

            // a router that cannot be read keeps its history; its verdict says why
            SimDevice lost = fleet.device(targets.get(0).name());
            int port = lost.port();
            fleet.server().unserve(lost);
            traffic.tick(5);
            rounds.round(targets);
            assertThat(history.intervals(lost.name())).hasSize(2);
            assertThat(history.verdict(lost.name()).orElseThrow()).startsWith("counters unavailable (");
            fleet.server().serve(lost, port);
        }
    }

    @Test
    void aResetCounterCountsFromZeroAndASilentRouterAmongDroppingPeersIsHinted() {
        Map<String, Long> smtp = new HashMap<>(Map.of("a", 100L, "b", 100L, "c", 100L));
        io.portcullis.engine.counters.CounterSampler fake = targets -> targets.stream()
                .map(t -> new CounterSample(
                        t.name(),
                        "openconfig",
                        Instant.now(),
                        new io.portcullis.counters.CounterRead(
                                List.of(new io.portcullis.counters.TermCount(
                                        "F",
                                        AddressFamily.IPV4,
                                        "deny-smtp",
                                        io.portcullis.intent.Action.DISCARD,
                                        smtp.get(t.name()),
                                        null,
                                        null)),
                                true,
                                null,
                                null),
                        "test"))
                .toList();
        DropHistory history = new DropHistory(10);
        CounterRounds rounds = new CounterRounds(fake, history, new SimpleMeterRegistry());
        List<Target> targets = List.of(target("a"), target("b"), target("c"));
        rounds.round(targets);
        smtp.putAll(Map.of("a", 150L, "b", 130L, "c", 100L));
        rounds.round(targets);
        assertThat(history.intervals("a").get(0).dropped()).containsEntry("SMTP ipv4", 50L);
        assertThat(history.intervals("c").get(0).dropped()).containsEntry("SMTP ipv4", 0L);
        assertThat(history.noEnforcementObserved("c", Instant.EPOCH))
                .as("c dropped nothing while both peers dropped")
                .isTrue();
        assertThat(history.noEnforcementObserved("a", Instant.EPOCH)).isFalse();
        smtp.put("a", 7L);
        rounds.round(targets);
        assertThat(history.intervals("a").get(1).dropped())
                .as("a counter lower than before was reset")
                .containsEntry("SMTP ipv4", 7L);
    }

    static Target target(String name) {
        io.portcullis.inventory.Device d = new io.portcullis.inventory.Device(
                name,
                "127.0.0.1",
                830,
                "openconfig",
                List.of(),
                List.of(),
                List.of(),
                null,
                null,
                null,
                false,
                List.of(),
                Map.of());
        return new Target(d, new io.portcullis.intent.FilterIntent(name, "openconfig", List.of(), List.of()), null);
    }

    private static double metric(SimpleMeterRegistry registry, String router, String family, String term) {
        FunctionCounter c = registry.find("portcullis_filter_matched_packets")
                .tags("router", router, "family", family, "term", term)
                .functionCounter();
        assertThat(c).as("series for " + router + " " + family + " " + term).isNotNull();
        return c.count();
    }

    private static double routerTotal(RouterTraffic t, Target target, AddressFamily family, String term) {
        long sum = 0;
        for (Filter f : target.intent().filters()) {
            if (f.family() == family
                    && f.terms().stream().anyMatch(x -> x.name().equals(term))) {
                sum += t.total(f.name(), term)[0];
            }
        }
        return sum;
    }

    /** Per router, the probes the traffic says were dropped so far, by "SERVICE family". */
    private static Map<String, Map<String, Long>> droppedFates(LabTraffic traffic) {
        Map<String, Map<String, Long>> out = new HashMap<>();
        for (RouterTraffic t : traffic.devices()) {
            Map<String, Long> m = new HashMap<>();
            for (PacketClass pc : t.mix()) {
                String service =
                        switch (pc.kind()) {
                            case SMTP_PROBE -> "SMTP";
                            case SNMP_PROBE -> "SNMP";
                            default -> null;
                        };
                if (service != null) {
                    m.merge(service + " " + pc.family().id(), t.fate(pc.label())[1], Long::sum);
                }
            }
            out.put(t.device().name(), m);
        }
        return out;
    }

    private static Map<String, Long> minus(Map<String, Long> a, Map<String, Long> b) {
        Map<String, Long> out = new HashMap<>();
        a.forEach((k, v) -> out.put(k, v - b.getOrDefault(k, 0L)));
        return out;
    }
}
