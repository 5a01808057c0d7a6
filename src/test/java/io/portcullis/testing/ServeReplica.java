package io.portcullis.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;

/**
 * One {@code serve} process started by {@link PortcullisProcess} and what an operator can ask it over HTTP: the
 * {@code leader} check of {@code /q/health/ready}, Prometheus metrics, authenticated API calls.
 */
public record ServeReplica(String name, Process process, int port) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Starts {@code portcullis serve ARGS} as replica {@code name} on a free port, with extra system properties. */
    public static ServeReplica start(
            PortcullisProcess processes, String name, List<String> args, List<String> props, List<String> jvmOptions)
            throws IOException {
        int port = freePort();
        List<String> all =
                new java.util.ArrayList<>(List.of("-Dquarkus.http.port=" + port, "-Dportcullis.replica=" + name));
        all.addAll(props);
        List<String> cmd = new java.util.ArrayList<>(List.of("serve"));
        cmd.addAll(args);
        return new ServeReplica(name, processes.start(name, cmd, all, jvmOptions), port);
    }

    public long pid() {
        return process.pid();
    }

    /** A field of the "leader" check of /q/health/ready, or null while the replica does not answer. */
    public String leaderData(String field) {
        try {
            HttpResponse<String> res = HTTP.send(
                    HttpRequest.newBuilder(uri("/q/health/ready"))
                            .timeout(Duration.ofSeconds(10))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            for (JsonNode check : JSON.readTree(res.body()).path("checks")) {
                if (check.path("name").asText().equals("leader")) {
                    return check.path("data").path(field).asText(null);
                }
            }
            return null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    public boolean leads() {
        return "yes".equals(leaderData("leader"));
    }

    /** The Prometheus text of /q/metrics ("" while the replica does not answer). */
    public String metrics() {
        try {
            return HTTP.send(
                            HttpRequest.newBuilder(uri("/q/metrics"))
                                    .timeout(Duration.ofSeconds(20))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    /** The value of the series written exactly as {@code series} (name plus labels), if present. */
    public OptionalDouble metric(String series) {
        return metric(metrics(), series);
    }

    public static OptionalDouble metric(String metricsText, String series) {
        return metricsText
                .lines()
                .filter(l -> l.startsWith(series + " "))
                .mapToDouble(
                        l -> Double.parseDouble(l.substring(series.length() + 1).trim()))
                .findFirst();
    }

    public HttpResponse<String> post(String path, String token) throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(uri(path))
                        .header("Authorization", "Bearer " + token)
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** GET {@code path} with the token; the JSON answer, or null while the replica does not answer or refuses. */
    public JsonNode getJson(String path, String token) {
        try {
            HttpResponse<String> res = HTTP.send(
                    HttpRequest.newBuilder(uri(path))
                            .header("Authorization", "Bearer " + token)
                            .timeout(Duration.ofSeconds(20))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return res.statusCode() == 200 ? JSON.readTree(res.body()) : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
