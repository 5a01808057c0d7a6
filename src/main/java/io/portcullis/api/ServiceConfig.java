package io.portcullis.api;

import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The service's settings from SmallRye Config (application.properties, env such as
 * PORTCULLIS_ALERT_WEBHOOK_URL, system properties). Read key by key rather than through a
 * {@code @ConfigMapping}, which would reject the other {@code portcullis.*} keys the CLI uses.
 */
public record ServiceConfig(String policy, String inventory, Optional<String> limit, String driftPeriod, int parallel,
                            Optional<String> webhookUrl, Optional<String> alertmanagerUrl, Optional<String> slackUrl,
                            Optional<String> apiToken, boolean remediate, boolean watchNotifications, Duration minBackoff,
                            Duration maxBackoff, int confirmTimeout) {

    public static ServiceConfig load() {
        Config c = ConfigProvider.getConfig();
        return new ServiceConfig(
                c.getOptionalValue("portcullis.policy", String.class).orElse("policy"),
                c.getOptionalValue("portcullis.inventory", String.class).orElse("inventory"),
                c.getOptionalValue("portcullis.limit", String.class).filter(s -> !s.isBlank()),
                c.getOptionalValue("portcullis.drift.period", String.class).orElse("5m"),
                c.getOptionalValue("portcullis.drift.parallel", Integer.class).orElse(50),
                url(c, "webhook"), url(c, "alertmanager"), url(c, "slack"),
                c.getOptionalValue("portcullis.api.token", String.class).filter(s -> !s.isBlank()),
                c.getOptionalValue("portcullis.remediate", Boolean.class).orElse(false),
                c.getOptionalValue("portcullis.watch.notifications", Boolean.class).orElse(true),
                c.getOptionalValue("portcullis.watch.min-backoff", Duration.class).orElse(Duration.ofSeconds(1)),
                c.getOptionalValue("portcullis.watch.max-backoff", Duration.class).orElse(Duration.ofMinutes(5)),
                c.getOptionalValue("portcullis.confirm-timeout", Integer.class).orElse(120));
    }

    private static Optional<String> url(Config c, String sink) {
        return c.getOptionalValue("portcullis.alert." + sink + ".url", String.class).filter(s -> !s.isBlank());
    }

    @Override
    public String toString() {
        // never print the token or the Slack URL (its path is a secret)
        return "ServiceConfig[policy=" + policy + ", inventory=" + inventory + ", period=" + driftPeriod + "]";
    }
}
