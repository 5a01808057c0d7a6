package io.portcullis.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Issue 12 item 7, what can be checked without a cluster or a Docker daemon: the Kubernetes manifests parse and carry
 * two replicas, the health probes, a non-root read-only container and secrets only by reference; the systemd unit
 * passes {@code systemd-analyze verify} and has its hardening; the Dockerfile runs as non-root with nothing secret in it.
 */
class DeployRecipesTest {

    private static Map<String, JsonNode> kubernetesObjects() throws Exception {
        Map<String, JsonNode> byKind = new HashMap<>();
        try (MappingIterator<JsonNode> docs = new YAMLMapper()
                .readerFor(JsonNode.class)
                .readValues(Path.of("deploy/kubernetes/portcullis.yaml").toFile())) {
            for (JsonNode d : docs.readAll()) {
                byKind.put(d.get("kind").asText(), d);
            }
        }
        return byKind;
    }

    @Test
    void kubernetesDeploymentRunsTwoHardenedReplicasWithProbesAndSecretsByReference() throws Exception {
        Map<String, JsonNode> objects = kubernetesObjects();
        assertThat(objects).containsKeys("Deployment", "Service", "PodDisruptionBudget");
        JsonNode deployment = objects.get("Deployment");
        assertThat(deployment.at("/spec/replicas").asInt()).isEqualTo(2);
        JsonNode pod = deployment.at("/spec/template/spec");
        assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
        JsonNode c = pod.at("/containers/0");
        assertThat(c.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/q/health/live");
        assertThat(c.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/q/health/ready");
        assertThat(c.at("/securityContext/readOnlyRootFilesystem").asBoolean()).isTrue();
        assertThat(c.at("/securityContext/allowPrivilegeEscalation").asBoolean())
                .isFalse();
        for (JsonNode env : c.get("env")) {
            String name = env.get("name").asText();
            if (name.contains("TOKEN") || name.endsWith("PASSWORD")) {
                assertThat(env.has("value"))
                        .as(name + " must come from a Secret, never inline")
                        .isFalse();
                assertThat(env.at("/valueFrom/secretKeyRef/name").asText()).isEqualTo("portcullis-secrets");
            }
        }
        List<String> mounts = c.get("volumeMounts").findValuesAsText("mountPath");
        assertThat(mounts)
                .contains("/etc/portcullis/policy", "/etc/portcullis/inventory", "/var/lib/portcullis", "/tmp");
        assertThat(objects.get("Service").at("/spec/ports/0/port").asInt()).isEqualTo(8080);
    }

    @Test
    void systemdUnitIsHardenedAndVerifies() throws Exception {
        Path unit = Path.of("deploy/systemd/portcullis.service");
        String text = Files.readString(unit);
        assertThat(text)
                .contains("ProtectSystem=strict")
                .contains("NoNewPrivileges=yes")
                .contains("User=portcullis")
                .contains("ReadWritePaths=/var/lib/portcullis")
                .contains("EnvironmentFile=/etc/portcullis/portcullis.env")
                .doesNotContainPattern("(?m)^Environment=.*(TOKEN|PASSWORD)");
        String analyze = null;
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (new File(dir, "systemd-analyze").canExecute()) {
                analyze = new File(dir, "systemd-analyze").getPath();
            }
        }
        assumeTrue(analyze != null, "systemd-analyze is not installed; the unit's syntax is not verified here");
        Process p = new ProcessBuilder(analyze, "verify", unit.toString())
                .redirectErrorStream(true)
                .start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out)
                .as("no unknown or misspelt directive")
                .doesNotContain("Unknown")
                .doesNotContain("ignoring");
    }

    @Test
    void dockerfileRunsServeAsNonRootFromTheQuarkusApp() throws Exception {
        String text = Files.readString(Path.of("src/main/docker/Dockerfile.jvm"));
        assertThat(text)
                .containsPattern("(?m)^USER 185$")
                .contains("quarkus-run.jar")
                .containsPattern("(?m)^CMD \\[\"serve\"\\]$")
                .contains("PORTCULLIS_HTTP_HOST=0.0.0.0")
                .doesNotContainPattern("(?m)^ENV .*(TOKEN|PASSWORD)");
    }
}
