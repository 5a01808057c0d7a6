package io.portcullis.api;

import io.portcullis.alert.AlertSettings;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The service's settings from SmallRye Config (application.properties, env such as
 * PORTCULLIS_ALERT_WEBHOOK_URL, system properties). Read key by key rather than through a
 * {@code @ConfigMapping}, which would reject the other {@code portcullis.*} keys the CLI uses.
 * {@code apiToken} allows everything (apply, drift checks); {@code readToken} only reading and plan.
 */
public record ServiceConfig(
        String policy,
        String inventory,
        Optional<String> limit,
        String driftPeriod,
        int parallel,
        Optional<String> webhookUrl,
        Optional<String> alertmanagerUrl,
        Optional<String> slackUrl,
        Optional<String> apiToken,
        Optional<String> readToken,
        boolean remediate,
        boolean watchNotifications,
        Duration minBackoff,
        Duration maxBackoff,
        int confirmTimeout,
        AlertSettings alerts,
        String webhookReceiver) {

    public static ServiceConfig load() {
        Config c = ConfigProvider.getConfig();
        return new ServiceConfig(
                c.getOptionalValue("portcullis.policy", String.class).orElse("policy"),
                c.getOptionalValue("portcullis.inventory", String.class).orElse("inventory"),
                c.getOptionalValue("portcullis.limit", String.class).filter(s -> !s.isBlank()),
                c.getOptionalValue("portcullis.drift.period", String.class).orElse("5m"),
                c.getOptionalValue("portcullis.drift.parallel", Integer.class).orElse(50),
                url(c, "webhook"),
                url(c, "alertmanager"),
                url(c, "slack"),
                secret(c, "portcullis.api.token"),
                secret(c, "portcullis.api.read-token"),
                c.getOptionalValue("portcullis.remediate", Boolean.class).orElse(false),
                c.getOptionalValue("portcullis.watch.notifications", Boolean.class)
                        .orElse(true),
                c.getOptionalValue("portcullis.watch.min-backoff", Duration.class)
                        .orElse(Duration.ofSeconds(1)),
                c.getOptionalValue("portcullis.watch.max-backoff", Duration.class)
                        .orElse(Duration.ofMinutes(5)),
                c.getOptionalValue("portcullis.confirm-timeout", Integer.class).orElse(120),
                alertSettings(c),
                c.getOptionalValue("portcullis.alert.webhook.receiver", String.class)
                        .orElse("portcullis"));
    }

    /** Tokens only: the filter needs them before (and without) a loaded policy. */
    static Optional<String> secret(Config c, String key) {
        return c.getOptionalValue(key, String.class).map(String::trim).filter(s -> !s.isEmpty());
    }

    private static AlertSettings alertSettings(Config c) {
        AlertSettings d = AlertSettings.defaults();
        return new AlertSettings(
                c.getOptionalValue("portcullis.alert.resend-interval", Duration.class)
                        .orElse(d.resendInterval()),
                c.getOptionalValue("portcullis.alert.unreachable-after", Integer.class)
                        .orElse(d.unreachableAfter()),
                c.getOptionalValue("portcullis.alert.pending.enabled", Boolean.class)
                        .orElse(d.pendingEnabled()),
                c.getOptionalValue("portcullis.alert.pending-after", Duration.class)
                        .orElse(d.pendingAfter()),
                c.getOptionalValue("portcullis.alert.retry.min-backoff", Duration.class)
                        .orElse(d.minBackoff()),
                c.getOptionalValue("portcullis.alert.retry.max-backoff", Duration.class)
                        .orElse(d.maxBackoff()),
                c.getOptionalValue("portcullis.external-url", String.class)
                        .filter(s -> !s.isBlank())
                        .orElseGet(() -> externalUrl(c)));
    }

    /** Where links in alerts point when portcullis.external-url is unset: this host and the HTTP port. */
    private static String externalUrl(Config c) {
        String host = c.getOptionalValue("quarkus.http.host", String.class).orElse("127.0.0.1");
        if (host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]")) {
            try {
                host = InetAddress.getLocalHost().getCanonicalHostName();
            } catch (UnknownHostException e) {
                host = "localhost";
            }
        }
        return "http://" + host + ":"
                + c.getOptionalValue("quarkus.http.port", Integer.class).orElse(8080);
    }

    /** portcullis.drift.period as a duration ("5m", "30s", "PT5M"), for the metric the "no recent check" rule compares with. */
    public Duration driftPeriodDuration() {
        String p = driftPeriod.trim();
        try {
            return Duration.parse(p.regionMatches(true, 0, "P", 0, 1) ? p : "PT" + p);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "portcullis.drift.period '" + p + "' is not a duration such as 5m or 30s");
        }
    }

    private static Optional<String> url(Config c, String sink) {
        return c.getOptionalValue("portcullis.alert." + sink + ".url", String.class)
                .filter(s -> !s.isBlank());
    }

    @Override
    public String toString() {
        // never print the tokens or the Slack URL (its path is a secret)
        return "ServiceConfig[policy=" + policy + ", inventory=" + inventory + ", period=" + driftPeriod + "]";
    }
}
