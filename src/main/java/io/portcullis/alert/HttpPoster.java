package io.portcullis.alert;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Posts JSON with a bounded timeout; error messages name the host only, never a token-bearing URL. */
final class HttpPoster {
    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private HttpPoster() {}

    static void postJson(String sinkName, URI uri, String json) {
        HttpRequest req = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
        try {
            HttpResponse<Void> resp = CLIENT.send(req, HttpResponse.BodyHandlers.discarding());
            if (resp.statusCode() / 100 != 2) {
                throw new AlertDeliveryException(sinkName + " alert to " + redact(uri) + " was rejected with HTTP "
                        + resp.statusCode() + "; check the receiver's configuration");
            }
        } catch (IOException e) {
            throw new AlertDeliveryException(sinkName + " alert to " + redact(uri) + " could not be delivered ("
                    + e.getClass().getSimpleName() + "); check that the receiver is reachable");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AlertDeliveryException(sinkName + " alert delivery was interrupted");
        }
    }

    /** Slack webhook URLs carry their secret in the path: only scheme://host:port is printed. */
    static String redact(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }
}
