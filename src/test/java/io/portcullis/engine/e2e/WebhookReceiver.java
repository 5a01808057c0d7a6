package io.portcullis.engine.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A webhook endpoint on loopback that queues every alert body it receives, for the drift-alert tests. */
final class WebhookReceiver implements AutoCloseable {
    private final HttpServer server;
    private final LinkedBlockingQueue<JsonNode> alerts = new LinkedBlockingQueue<>();

    private WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", ex -> {
            alerts.add(new ObjectMapper().readTree(ex.getRequestBody()));
            ex.sendResponseHeaders(204, -1);
            ex.close();
        });
        server.start();
    }

    static WebhookReceiver start() throws IOException {
        return new WebhookReceiver();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
    }

    /** The next alert, or null when none arrives within {@code wait}. */
    JsonNode next(Duration wait) throws InterruptedException {
        return alerts.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The first alert with this status within {@code wait} (others are skipped), or null. */
    JsonNode awaitStatus(String status, Duration wait) throws InterruptedException {
        long until = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < until) {
            JsonNode n = alerts.poll(500, TimeUnit.MILLISECONDS);
            if (n != null && status.equals(n.get("status").asText())) {
                return n;
            }
        }
        return null;
    }

    boolean isEmpty() {
        return alerts.isEmpty();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
