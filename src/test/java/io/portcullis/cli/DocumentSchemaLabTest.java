package io.portcullis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.portcullis.json.Schemas;
import io.portcullis.lab.LabFleet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command's {@code --json} document, produced by the real command line on lab routers, is valid against its
 * published schema in {@code docs/schemas/} (networknt, draft 2020-12), and stops being valid when a field is renamed:
 * the schemas are closed ({@code additionalProperties: false}) and name their required fields.
 */
@Tag("lab")
class DocumentSchemaLabTest {
    private static final String PASSWORD = "Schema-Lab-Sentinel-47";
    private static final int ANY_EXIT = -1;

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void everyCommandsJsonMatchesItsSchema(@TempDir Path dir) throws Exception {
        try (LabFleet fleet = LabFleet.builder()
                .devices(3)
                .platforms("junos,iosxr,openconfig")
                .password(PASSWORD)
                .start()) {
            Path inv = dir.resolve("inventory");
            fleet.writeInventory(inv, "PORTCULLIS_LAB_PASSWORD");
            Files.writeString(inv.resolve("lab-password"), PASSWORD);
            Path groups = inv.resolve("groups.yaml");
            Files.writeString(
                    groups,
                    Files.readString(groups)
                            .replace("password-env: PORTCULLIS_LAB_PASSWORD", "password-file: lab-password"));
            String i = inv.toString();

            JsonNode validate = valid("validate", CliRun.run("validate", "--inventory", i, "--json"), 0);
            assertThat(validate.get("routers")).hasSize(3);
            assertThat(validate.get("routers").get(0).get("state").asText()).isEqualTo("IN_SCOPE");
            JsonNode invalid = valid(
                    "validate",
                    CliRun.run("validate", "--inventory", dir.resolve("nowhere").toString(), "--json"),
                    1);
            assertThat(invalid.get("valid").asBoolean()).isFalse();
            assertThat(invalid.get("diagnostics")).isNotEmpty();

            JsonNode verify = valid("verify", CliRun.run("verify", "--inventory", i, "--json"), 0);
            assertThat(verify.get("routers").get(0).get("state").asText()).isEqualTo("PROVEN");

            JsonNode plan = valid("plan", CliRun.run("plan", "--inventory", i, "--json"), ExitCodes.CHANGES);
            JsonNode first = plan.get("routers").get(0);
            assertThat(first.get("state").asText()).isEqualTo("CHANGES");
            assertThat(first.get("changes").get(0).get("kind").asText()).isEqualTo("filter-missing");
            JsonNode smtp = null;
            for (JsonNode f : first.get("impact")) {
                if (f.path("port").asInt() == 2525
                        && "tcp".equals(f.path("protocol").asText())) {
                    smtp = f;
                }
            }
            assertThat(smtp).as("TCP/2525 as fields: %s", first.get("impact")).isNotNull();
            assertThat(smtp.get("before").asText()).isEqualTo("forwarded");
            assertThat(smtp.get("after").asText()).isEqualTo("dropped");
            assertThat(smtp.get("direction").asText()).isEqualTo("to-subscriber");
            assertThat(smtp.get("text").asText()).contains("TCP/2525").contains("forwarded → dropped");
            Path planFile = dir.resolve("plan.json");
            assertThat(CliRun.run("plan", "--inventory", i, "--out", planFile.toString())
                            .exit())
                    .isEqualTo(ExitCodes.CHANGES);
            assertThat(Schemas.problems("plan", Schemas.json(Files.readString(planFile))))
                    .isEmpty();

            Path report = dir.resolve("report.json");
            CliRun applyRun = CliRun.run(
                    "apply", "--inventory", i, "--plan", planFile.toString(), "--json", "--report", report.toString());
            JsonNode apply = valid("apply", applyRun, 0);
            assertThat(applyRun.err()).as("progress and summary on stderr").contains("Apply: 3 applied");
            assertThat(apply.get("routers").get(0).get("state").asText()).isEqualTo("APPLIED");
            assertThat(apply.get("routers").get(0).get("changes")).isNotEmpty();
            assertThat(Schemas.json(Files.readString(report)))
                    .as("--report is the same document")
                    .isEqualTo(apply);
            assertThat(apply.get("recording").get("state").asText())
                    .as("the suite's own history database")
                    .isEqualTo("RECORDED");
            assertThat(apply.get("recording").get("runId").asText())
                    .isEqualTo(apply.get("runId").asText());

            // drift after someone edits a router out of band: structured, reading policy → router now
            valid("drift", CliRun.run("drift", "--inventory", i, "--json"), 0);
            io.portcullis.lab.device.SimDevice victim = fleet.devices().get(0);
            io.portcullis.engine.targets.Target target = io.portcullis.engine.Workspace.load(
                            Path.of("policy"), inv, victim.name())
                    .targets()
                    .get(0);
            victim.outOfBandEdit(
                    io.portcullis.platform.registry.Platforms.get(victim.platform())
                            .renderConfig(without2525(target.intent())),
                    "mallory");
            JsonNode drift = valid("drift", CliRun.run("drift", "--inventory", i, "--json"), ExitCodes.CHANGES);
            assertThat(drift.get("summary").get("DRIFT").asInt()).isEqualTo(1);
            JsonNode drifted = drift.get("routers").get(0);
            assertThat(drifted.get("state").asText()).isEqualTo("DRIFT");
            JsonNode termChanged = drifted.get("changes").get(0);
            assertThat(termChanged.get("kind").asText()).isEqualTo("term-changed");
            assertThat(termChanged.get("fields").get(0).get("name").asText()).isEqualTo("destination ports");
            assertThat(termChanged.get("fields").get(0).get("before").asText())
                    .as("policy")
                    .contains("2525");
            assertThat(termChanged.get("fields").get(0).get("after").asText())
                    .as("router now")
                    .doesNotContain("2525");
            boolean forwarded2525 = false;
            for (JsonNode f : drifted.get("impact")) {
                forwarded2525 |= f.path("port").asInt() == 2525
                        && "dropped".equals(f.path("before").asText())
                        && "forwarded".equals(f.path("after").asText());
            }
            assertThat(forwarded2525)
                    .as("TCP/2525 dropped → forwarded: %s", drifted.get("impact"))
                    .isTrue();

            // without 'lab --traffic' some lab platforms answer the counter RPC with an error: exit 1, the document
            // still complete
            JsonNode counters = valid(
                    "counters",
                    CliRun.run(
                            "counters",
                            "--inventory",
                            i,
                            "--last-read",
                            dir.resolve("last.json").toString(),
                            "--json"),
                    ANY_EXIT);
            assertThat(counters.get("routers")).hasSize(3);
            Files.createDirectories(dir.resolve("journal"));
            valid(
                    "recover",
                    CliRun.run(
                            "recover",
                            "--inventory",
                            i,
                            "--journal",
                            dir.resolve("journal").toString(),
                            "--json"),
                    0);
            valid("history", CliRun.run("history", "--json", "--limit", "3"), 0);

            // a renamed field is caught in every document, at the top and inside a router
            for (Map.Entry<String, JsonNode> e : Map.of(
                            "validate", validate, "verify", verify, "plan", plan, "apply", apply, "drift", drift)
                    .entrySet()) {
                assertThat(Schemas.problems(e.getKey(), renamed(e.getValue(), "routers", "devices")))
                        .as(e.getKey())
                        .isNotEmpty();
                JsonNode inner = e.getValue().deepCopy();
                ObjectNode router = (ObjectNode) inner.get("routers").get(0);
                router.set("name", router.remove("router"));
                assertThat(Schemas.problems(e.getKey(), inner))
                        .as(e.getKey() + " router → name")
                        .isNotEmpty();
            }
            JsonNode change = plan.deepCopy();
            ObjectNode c =
                    (ObjectNode) change.get("routers").get(0).get("changes").get(0);
            c.set("type", c.remove("kind"));
            assertThat(Schemas.problems("plan", change))
                    .as("kind → type in a change")
                    .isNotEmpty();
        }
    }

    /** The router's intent with port 2525 taken out of every term (what someone removing it by hand leaves). */
    private static io.portcullis.intent.FilterIntent without2525(io.portcullis.intent.FilterIntent intent) {
        java.util.List<io.portcullis.intent.Filter> filters = new java.util.ArrayList<>();
        for (io.portcullis.intent.Filter f : intent.filters()) {
            java.util.List<io.portcullis.intent.Term> terms = new java.util.ArrayList<>();
            for (io.portcullis.intent.Term t : f.terms()) {
                io.portcullis.intent.Match m = t.match();
                java.util.List<io.portcullis.intent.PortRange> ports = m.destinationPorts().stream()
                        .filter(p -> !p.contains(2525))
                        .toList();
                terms.add(new io.portcullis.intent.Term(
                        t.name(),
                        t.sequence(),
                        new io.portcullis.intent.Match(
                                m.protocol(),
                                ports,
                                m.sourcePorts(),
                                m.eitherPorts(),
                                m.destinationPrefixes(),
                                m.sourcePrefixes()),
                        t.action(),
                        t.counter(),
                        t.log(),
                        t.description()));
            }
            filters.add(
                    new io.portcullis.intent.Filter(f.name(), f.family(), terms, f.defaultAction(), f.description()));
        }
        return new io.portcullis.intent.FilterIntent(intent.device(), intent.platform(), filters, intent.bindings());
    }

    /** A copy with one top-level field renamed. */
    private static JsonNode renamed(JsonNode doc, String from, String to) {
        ObjectNode copy = doc.deepCopy();
        copy.set(to, copy.remove(from));
        return copy;
    }

    /** stdout is one document (nothing else), valid against its schema, with the exit code expected. */
    private static JsonNode valid(String schema, CliRun run, int exit) throws Exception {
        if (exit != ANY_EXIT) {
            assertThat(run.exit()).as(run.all()).isEqualTo(exit);
        }
        JsonNode doc = Schemas.json(run.out());
        assertThat(Schemas.problems(schema, doc)).as(schema + ": " + run.out()).isEmpty();
        assertThat(doc.get("format").asText()).startsWith("portcullis-" + schema + "/");
        assertThat(doc.get("toolVersion").asText()).isNotBlank();
        Iterator<String> names = doc.fieldNames();
        assertThat(names.next()).isEqualTo("format");
        return doc;
    }
}
