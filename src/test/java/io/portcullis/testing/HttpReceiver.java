package io.portcullis.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A real HTTP endpoint on loopback standing in for a webhook bridge, Alertmanager or Slack: records every POST
 * (path, JSON body, arrival time) and can answer the first N requests with an error, to exercise retries.
 */
public final class HttpReceiver implements AutoCloseable {
    public record Request(String path, JsonNode body, Instant at, int answeredWith) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private volatile int failureStatus = 503;

    private HttpReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            JsonNode body = JSON.readTree(ex.getRequestBody());
            int status = failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? failureStatus : 200;
            requests.add(new Request(ex.getRequestURI().getPath(), body, Instant.now(), status));
            ex.sendResponseHeaders(status, -1);
            ex.close();
        });
        server.start();
    }

    public static HttpReceiver start() throws IOException {
        return new HttpReceiver();
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    /** The next {@code n} requests are answered with {@code status}. */
    public void failNext(int n, int status) {
        failureStatus = status;
        failuresLeft.set(n);
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** Requests to {@code path} that were accepted (2xx). */
    public List<Request> accepted(String path) {
        return requests.stream()
                .filter(r -> r.path().equals(path) && r.answeredWith() / 100 == 2)
                .toList();
    }

    /** Waits until some request matches, returning it, or null after {@code wait}. */
    public Request await(Predicate<Request> match, Duration wait) throws InterruptedException {
        long until = System.nanoTime() + wait.toNanos();
        do {
            for (Request r : requests) {
                if (match.test(r)) {
                    return r;
                }
            }
            Thread.sleep(50);
        } while (System.nanoTime() < until);
        return null;
    }

    public void clear() {
        requests.clear();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
