package io.portcullis.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The files under deploy/: the Prometheus rules pass {@code promtool check rules} and fire as their unit tests
 * (portcullis-rules.test.yaml) say, and the Grafana dashboard is JSON with a query in every panel. Which metric
 * names they may use is checked against a live scrape in ServiceApiTest.
 */
class DeployFilesTest {
    private static final Path RULES = Path.of("deploy/prometheus/portcullis-rules.yaml");

    private static String promtool() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (new File(dir, "promtool").canExecute()) {
                return new File(dir, "promtool").getPath();
            }
        }
        return null;
    }

    private static String run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS))
                .as(String.join(" ", cmd) + " finished")
                .isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(String.join(" ", cmd) + "\n" + out).isZero();
        return out;
    }

    @Test
    void rulesPassPromtoolCheckAndTheirUnitTests() throws Exception {
        String promtool = promtool();
        assumeTrue(promtool != null, "promtool is not installed (Debian package 'prometheus'); rules not checked");
        assertThat(run(promtool, "check", "rules", RULES.toString())).contains("SUCCESS: 5 rules found");
        assertThat(run(promtool, "test", "rules", "deploy/prometheus/portcullis-rules.test.yaml"))
                .contains("SUCCESS");
    }

    @Test
    void dashboardIsJsonAndEveryPanelQueriesPrometheus() throws Exception {
        JsonNode d = new ObjectMapper()
                .readTree(Path.of("deploy/grafana/portcullis-dashboard.json").toFile());
        assertThat(d.get("title").asText()).isEqualTo("Portcullis");
        List<String> exprs = new ArrayList<>();
        for (JsonNode panel : d.get("panels")) {
            assertThat(panel.get("targets")).as(panel.get("title").asText()).isNotEmpty();
            panel.get("targets").forEach(t -> exprs.add(t.get("expr").asText()));
        }
        assertThat(exprs).hasSizeGreaterThanOrEqualTo(10).allMatch(e -> e.contains("portcullis_"));
        assertThat(String.join("\n", exprs))
                .contains("portcullis_router_info")
                .contains("portcullis_check_latency_seconds_bucket");
    }
}
