package io.portcullis.api;

import java.time.Duration;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Settings of the desired-state machinery: {@code portcullis.drift.settle} (a new drift is checked again after this
 * long before it is alerted or remediated: a router caught in the middle of someone's apply is not drift; default
 * 2s, 0 turns it off) and {@code portcullis.policy.poll-interval} (how often the policy files and the inventory are
 * read for changes, by content digest; default 5s, 0 turns the watch off).
 */
record DesiredSettings(Duration settle, Duration pollInterval) {
    static DesiredSettings load() {
        Config c = ConfigProvider.getConfig();
        Duration settle =
                c.getOptionalValue("portcullis.drift.settle", Duration.class).orElse(Duration.ofSeconds(2));
        Duration poll = c.getOptionalValue("portcullis.policy.poll-interval", Duration.class)
                .orElse(Duration.ofSeconds(5));
        if (settle.isNegative() || poll.isNegative()) {
            throw new IllegalArgumentException(
                    "portcullis.drift.settle and portcullis.policy.poll-interval must not be negative");
        }
        return new DesiredSettings(settle, poll);
    }
}
