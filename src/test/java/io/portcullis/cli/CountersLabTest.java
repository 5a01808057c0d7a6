package io.portcullis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.portcullis.lab.LabFleet;
import io.portcullis.lab.device.SimDevice;
import io.portcullis.traffic.LabTraffic;
import io.portcullis.traffic.PacketClass;
import io.portcullis.traffic.RouterTraffic;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11 end to end through the real command line on a six-platform lab with traffic: before apply no router
 * drops anything and {@code counters} sees no Portcullis counters; after apply every router's own counters show
 * SNMP and SMTP drops; an out-of-band removal of TCP/2525 on one router shows the 2525 probes forwarded again:
 * the SMTP drop term counts less and the accept term counts exactly the probes it now forwards.
 */
@Tag("lab")
class CountersLabTest {
    private static final String PASSWORD = "Counters-Lab-Sentinel-37";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void countersShowEnforcementBeforeAndAfterApplyAndAfterAnOutOfBandRemoval(@TempDir Path dir) throws Exception {
        try (LabFleet fleet = LabFleet.builder().devices(6).password(PASSWORD).start();
                LabTraffic traffic = LabTraffic.attach(fleet, 1000)) {
            Path inv = dir.resolve("inventory");
            fleet.writeInventory(inv, "PORTCULLIS_LAB_PASSWORD");
            Files.writeString(inv.resolve("lab-password"), PASSWORD);
            Path groups = inv.resolve("groups.yaml");
            Files.writeString(
                    groups,
                    Files.readString(groups)
                            .replace("password-env: PORTCULLIS_LAB_PASSWORD", "password-file: lab-password"));
            String lastRead = dir.resolve("last-read.json").toString();
            String[] common = {"--inventory", inv.toString(), "--last-read", lastRead, "--json"};

            // before apply: probes reach the subscribers, and there is nothing of ours to count
            traffic.tick(5);
            for (RouterTraffic t : traffic.devices()) {
                assertThat(t.fate("smtp-25-probe-v4")[1])
                        .as(t.device().name() + " drops nothing before apply")
                        .isZero();
                assertThat(t.fate("smtp-25-probe-v4")[0]).isPositive();
            }
            CliRun before = CliRun.run(cat("counters", common));
            assertThat(before.exit()).as(before.err()).isEqualTo(ExitCodes.ERROR);
            JsonNode b = JSON.readTree(before.out());
            assertThat(b.get("format").asText()).isEqualTo("portcullis-counters/1");
            assertThat(b.get("routers")).hasSize(6);
            for (JsonNode r : b.get("routers")) {
                assertThat(r.get("verdict").asText())
                        .as(r.get("router").asText())
                        .startsWith("counters unavailable (")
                        .doesNotContain("enforcing");
            }

            CliRun apply = CliRun.run("apply", "--auto-approve", "--inventory", inv.toString());
            assertThat(apply.exit()).as(apply.all()).isEqualTo(ExitCodes.OK);

            // after apply: every router's own counters say it drops SNMP and SMTP probes
            traffic.tick(10);
            JsonNode first = JSON.readTree(CliRun.run(cat("counters", common)).out());
            for (JsonNode r : first.get("routers")) {
                String v = r.get("verdict").asText();
                assertThat(v)
                        .as(r.get("router").asText())
                        .startsWith("enforcing: ")
                        .contains("SMTP")
                        .contains("SNMP");
                assertThat(r.get("confirmed").asBoolean())
                        .isEqualTo(!r.get("platform").asText().equals("vrp"));
                RouterTraffic t = traffic.device(r.get("router").asText());
                long smtpDropped = 0;
                for (PacketClass pc : t.mix()) {
                    if (pc.kind() == PacketClass.Kind.SMTP_PROBE) {
                        smtpDropped += t.fate(pc.label())[1];
                    }
                }
                assertThat(v)
                        .as("the SMTP number is what the router dropped")
                        .contains(String.format("%,d SMTP", smtpDropped));
            }

            // someone removes TCP/2525 from the OpenConfig router's ACL by hand
            SimDevice oc = fleet.devices().stream()
                    .filter(d -> d.platform().equals("openconfig"))
                    .findFirst()
                    .orElseThrow();
            RouterTraffic ot = traffic.device(oc.name());
            traffic.tick(10);
            JsonNode mid =
                    router(JSON.readTree(CliRun.run(cat("counters", common)).out()), oc.name());
            long smtpDeltaBefore = term(mid, "PORTCULLIS-SUBPROTECT-V4", "deny-smtp")
                    .get("delta")
                    .asLong();
            long forwarded2525 = ot.fate("smtp-2525-probe-v4")[0];
            long forwardedV4Before = forwardedToward(ot, "-v4");
            oc.outOfBandEdit("""
                    <config xmlns="urn:ietf:params:xml:ns:netconf:base:1.0" xmlns:nc="urn:ietf:params:xml:ns:netconf:base:1.0">
                     <acl xmlns="http://openconfig.net/yang/acl" xmlns:oc-acl="http://openconfig.net/yang/acl"><acl-sets><acl-set>
                      <name>PORTCULLIS-SUBPROTECT-V4</name><type>oc-acl:ACL_IPV4</type>
                      <acl-entries><acl-entry nc:operation="delete"><sequence-id>23</sequence-id></acl-entry></acl-entries>
                     </acl-set></acl-sets></acl></config>""");
            traffic.tick(10);
            assertThat(ot.fate("smtp-2525-probe-v4")[0])
                    .as("TCP/2525 probes are forwarded again")
                    .isGreaterThan(forwarded2525);
            CliRun after = CliRun.run(cat("counters", common));
            JsonNode a = router(JSON.readTree(after.out()), oc.name());
            long smtpDeltaAfter = term(a, "PORTCULLIS-SUBPROTECT-V4", "deny-smtp")
                    .get("delta")
                    .asLong();
            long acceptDelta = term(a, "PORTCULLIS-SUBPROTECT-V4", "accept-rest")
                    .get("delta")
                    .asLong();
            assertThat(smtpDeltaAfter)
                    .as("the SMTP drop term stops counting 2525")
                    .isEqualTo(smtpDeltaBefore * 3 / 4);
            assertThat(acceptDelta)
                    .as("the accept term counts everything forwarded, the 2525 probes included")
                    .isEqualTo(forwardedToward(ot, "-v4") - forwardedV4Before);
            CliRun quiet = CliRun.run(
                    "counters", "--inventory", inv.toString(), "--last-read", lastRead, "--router", oc.name());
            assertThat(quiet.out())
                    .as("no traffic since the last read")
                    .contains(oc.name() + " (openconfig): no drops observed");
            traffic.tick(5);
            CliRun text = CliRun.run(
                    "counters", "--inventory", inv.toString(), "--last-read", lastRead, "--router", oc.name());
            assertThat(text.out())
                    .contains(oc.name() + " (openconfig): enforcing: ")
                    .contains("accept-rest")
                    .contains("since the last read");
            for (String output : new String[] {before.all(), apply.all(), after.all(), text.all()}) {
                assertThat(output).doesNotContain(PASSWORD);
            }
        }
    }

    private static long forwardedToward(RouterTraffic t, String family) {
        return t.mix().stream()
                .filter(pc ->
                        pc.label().endsWith(family) && pc.direction() == io.portcullis.intent.Direction.TO_SUBSCRIBER)
                .mapToLong(pc -> t.fate(pc.label())[0])
                .sum();
    }

    private static JsonNode router(JsonNode doc, String name) {
        for (JsonNode r : doc.get("routers")) {
            if (r.get("router").asText().equals(name)) {
                return r;
            }
        }
        throw new AssertionError("no router " + name + " in " + doc);
    }

    private static JsonNode term(JsonNode router, String filter, String term) {
        for (JsonNode t : router.get("terms")) {
            if (t.get("filter").asText().equals(filter)
                    && t.get("term").asText().equals(term)) {
                return t;
            }
        }
        throw new AssertionError("no term " + filter + "/" + term + " in " + router);
    }

    private static String[] cat(String first, String[] rest) {
        String[] r = new String[rest.length + 1];
        r[0] = first;
        System.arraycopy(rest, 0, r, 1, rest.length);
        return r;
    }
}
