package io.portcullis.soak;

import com.fasterxml.jackson.databind.JsonNode;
import io.portcullis.testing.HttpReceiver;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The alerts as the webhook receiver got them, read back per alert: {@code (name, router, startsAt)} identifies one
 * alert (Alertmanager's identity: a restart or failover keeps its startsAt), each with every message it got in order.
 *
 * <p>What counts as delivered twice follows Alertmanager's semantics. An alert is opened once (its startsAt) and closed
 * once (resolved). While it is open its content may change — Portcullis sends the same alert again, same fingerprint
 * and startsAt, when the drift it describes changes or the author of the change becomes known — and such an
 * <em>update</em> tells the receiver something new: not a duplicate. Alertmanager also re-sends an unchanged firing
 * alert every {@code repeat_interval} (Portcullis' {@code portcullis.alert.resend-interval} for sinks that re-send), so
 * the same content again after that interval is expected too. A duplicate is a message that tells the receiver nothing
 * new: the same content as the alert's previous message sooner than the re-send interval (for the generic webhook, which
 * never re-sends, at any time), a second resolved message, or a firing message after the alert resolved. An alert
 * re-opened with a new startsAt is a new alert here; whether it had a cause is judged by {@link SoakChecks} (every
 * out-of-band change alerted exactly once, no drift alert without a cause).
 */
final class AlertLedger {
    static final String DRIFT = "PortcullisPolicyDrift";
    static final String UNREACHABLE = "PortcullisRouterUnreachable";
    /** What the summary of serve's overwrite audit says (api.OverwriteAudit.summary). */
    static final String OVERWRITE_REPORT = "no check saw it before";

    /** One message of an alert: firing or resolved, its labels and annotations as sent, when it arrived. */
    record Message(boolean firing, String content, String changedBy, Instant at) {}

    /** One alert and every message the receiver got for it, in order. */
    record Alert(String name, String router, String startsAt, List<Message> messages) {
        Alert {
            messages = List.copyOf(messages);
        }

        int firing() {
            return (int) messages.stream().filter(Message::firing).count();
        }

        int resolved() {
            return (int) messages.stream().filter(m -> !m.firing()).count();
        }

        boolean open() {
            return resolved() == 0;
        }

        /** The author the first firing message named ("" when none did). */
        String changedBy() {
            return messages.stream()
                    .map(Message::changedBy)
                    .filter(c -> !c.isEmpty())
                    .findFirst()
                    .orElse("");
        }

        /**
         * Whether serve's overwrite audit raised it: a change that an apply read and overwrote before any check saw
         * it, reported after the fact without an author (no notification named one).
         */
        boolean overwriteReport() {
            return messages.stream().anyMatch(m -> m.content().contains(OVERWRITE_REPORT));
        }

        /** Every author its messages named: an update may name the author a later notification reported. */
        Set<String> authors() {
            return messages.stream()
                    .map(Message::changedBy)
                    .filter(c -> !c.isEmpty())
                    .collect(Collectors.toCollection(LinkedHashSet::new));
        }

        /** Messages that told the receiver nothing new (see the class comment); {@code resend} null: never re-sent. */
        List<String> duplicates(Duration resend) {
            List<String> out = new ArrayList<>();
            Message previous = null;
            boolean resolvedSeen = false;
            for (Message m : messages) {
                if (resolvedSeen) {
                    out.add((m.firing() ? "firing" : "resolved") + " again after it resolved, at " + m.at());
                } else if (previous != null
                        && m.firing()
                        && m.content().equals(previous.content())
                        && (resend == null
                                || Duration.between(previous.at(), m.at()).compareTo(resend) < 0)) {
                    out.add("the same content again after "
                            + Duration.between(previous.at(), m.at()).toMillis() + " ms, at " + m.at());
                }
                resolvedSeen |= !m.firing();
                previous = m;
            }
            return out;
        }

        @Override
        public String toString() {
            return name + " " + router + " since " + startsAt + " (" + firing() + " firing, " + resolved()
                    + " resolved)";
        }
    }

    private final List<Alert> alerts;
    private final int accepted;

    private AlertLedger(List<Alert> alerts, int accepted) {
        this.alerts = alerts;
        this.accepted = accepted;
    }

    static AlertLedger read(HttpReceiver receiver, String path) {
        return of(receiver.accepted(path));
    }

    /** The ledger of these accepted posts, in the order they arrived. */
    static AlertLedger of(List<HttpReceiver.Request> accepted) {
        Map<String, List<Message>> byAlert = new LinkedHashMap<>();
        for (HttpReceiver.Request r : accepted) {
            for (JsonNode a : r.body().path("alerts")) {
                String key = a.path("labels").path("alertname").asText() + "|"
                        + a.path("labels").path("router").asText() + "|"
                        + a.path("startsAt").asText();
                // content = what a person reading the alert sees; endsAt, generatorURL and the envelope are delivery
                String content = a.path("status").asText() + " " + a.path("labels") + " " + a.path("annotations");
                byAlert.computeIfAbsent(key, k -> new ArrayList<>())
                        .add(new Message(
                                a.path("status").asText().equals("firing"),
                                content,
                                a.path("annotations").path("changed_by").asText(""),
                                r.at()));
            }
        }
        List<Alert> out = new ArrayList<>();
        byAlert.forEach((key, messages) -> {
            String[] k = key.split("\\|", 3);
            out.add(new Alert(k[0], k[1], k[2], messages));
        });
        return new AlertLedger(List.copyOf(out), accepted.size());
    }

    List<Alert> alerts() {
        return alerts;
    }

    /** Webhook posts the receiver accepted. */
    int accepted() {
        return accepted;
    }

    /** Drift alerts of this router any of whose messages named this user as the one who changed it. */
    List<Alert> driftBy(String router, String user) {
        return alerts.stream()
                .filter(a -> a.name().equals(DRIFT)
                        && a.router().equals(router)
                        && a.authors().stream().anyMatch(c -> names(c, user)))
                .toList();
    }

    /** Drift alerts of this router raised by serve's overwrite audit that opened at or after {@code since}. */
    List<Alert> overwriteReports(String router, Instant since) {
        return alerts.stream()
                .filter(a -> a.name().equals(DRIFT)
                        && a.router().equals(router)
                        && a.overwriteReport()
                        && !Instant.parse(a.startsAt()).isBefore(since))
                .toList();
    }

    /** Whether a changed_by annotation names {@code user} ("soak-oob-1" is not named by "soak-oob-12 (console)"). */
    static boolean names(String changedBy, String user) {
        return java.util.regex.Pattern.compile("(?<![\\w-])" + java.util.regex.Pattern.quote(user) + "(?![\\w-])")
                .matcher(changedBy)
                .find();
    }

    /** Routers with an alert of any kind still open (fired, not resolved). */
    Set<String> openRouters() {
        return alerts.stream().filter(Alert::open).map(Alert::router).collect(Collectors.toSet());
    }

    /**
     * Messages that told the receiver nothing new, one line each (see the class comment). {@code resend}: the sink's
     * re-send interval, or null for a sink that never re-sends an unchanged alert (the generic webhook).
     */
    List<String> duplicates(Duration resend) {
        List<String> out = new ArrayList<>();
        for (Alert a : alerts) {
            a.duplicates(resend)
                    .forEach(d -> out.add(a.name() + " " + a.router() + " since " + a.startsAt() + ": " + d));
        }
        return out;
    }

    /** Updates: firing messages of an open alert with new content (counted for the verdict's notes). */
    int updates() {
        return alerts.stream().mapToInt(a -> Math.max(0, a.firing() - 1)).sum();
    }

    List<Alert> where(Predicate<Alert> p) {
        return alerts.stream().filter(p).toList();
    }

    long count(String name) {
        return alerts.stream().filter(a -> Objects.equals(a.name(), name)).count();
    }
}
