package io.portcullis.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * How many of a run's routers ended in each state: counted from {@code pcl_router_run}, and kept in {@code
 * pcl_run.state_counts} as {@code STATE=N,STATE=N} once the run finished (V10).
 */
final class StateCounts {
    private StateCounts() {}

    /** Counts the router rows of {@code runIds}, run by run (a run without rows is left out). */
    static Map<String, Map<String, Integer>> count(Connection c, Collection<String> runIds) throws SQLException {
        Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
        if (runIds.isEmpty()) {
            return counts;
        }
        String marks = String.join(",", Collections.nCopies(runIds.size(), "?"));
        try (PreparedStatement ps = c.prepareStatement("SELECT run_id, state, COUNT(*) AS n FROM pcl_router_run "
                + "WHERE run_id IN (" + marks + ") GROUP BY run_id, state")) {
            int i = 1;
            for (String id : runIds) {
                ps.setString(i++, id);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts.computeIfAbsent(rs.getString("run_id"), k -> new TreeMap<>())
                            .put(rs.getString("state"), rs.getInt("n"));
                }
            }
        }
        return counts;
    }

    /** {@code APPLIED=834,NO_CHANGE=166}; the empty string for a run without routers (still counted). */
    static String write(Map<String, Integer> counts) {
        StringBuilder out = new StringBuilder();
        new TreeMap<>(counts).forEach((state, n) -> {
            if (!out.isEmpty()) {
                out.append(',');
            }
            out.append(state).append('=').append(n);
        });
        return out.toString();
    }

    /** The counts {@link #write} wrote; {@code null} for a run not counted (the caller counts its rows). */
    static Map<String, Integer> read(String column) {
        if (column == null) {
            return null;
        }
        Map<String, Integer> counts = new TreeMap<>();
        for (String pair : column.split(",")) {
            if (pair.isEmpty()) {
                continue; // a run without routers
            }
            int eq = pair.indexOf('=');
            try {
                counts.put(pair.substring(0, eq), Integer.parseInt(pair.substring(eq + 1)));
            } catch (RuntimeException notOurs) {
                return null; // not what write() writes (edited by hand?): the rows say
            }
        }
        return counts;
    }
}
