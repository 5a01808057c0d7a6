package io.portcullis.alert;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The alert store of a single process without a database: lost on restart. */
public final class InMemoryAlertStateStore implements AlertStateStore {
    private final Map<String, AlertState> states = new ConcurrentHashMap<>();
    private final Map<String, Integer> failedChecks = new ConcurrentHashMap<>();

    @Override
    public Optional<AlertState> find(String fingerprint) {
        return Optional.ofNullable(states.get(fingerprint));
    }

    @Override
    public List<AlertState> all() {
        List<AlertState> out = new ArrayList<>(states.values());
        out.sort((a, b) -> a.alert().startsAt().compareTo(b.alert().startsAt()));
        return out;
    }

    @Override
    public void save(AlertState state) {
        states.put(state.fingerprint(), state);
    }

    @Override
    public void delete(String fingerprint) {
        states.remove(fingerprint);
    }

    @Override
    public int failedChecks(String router) {
        return failedChecks.getOrDefault(router, 0);
    }

    @Override
    public void failedChecks(String router, int count) {
        if (count <= 0) {
            failedChecks.remove(router);
        } else {
            failedChecks.put(router, count);
        }
    }
}
