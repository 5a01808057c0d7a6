package io.portcullis.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.api.DropHistory;
import io.portcullis.engine.drift.DriftEntry;
import io.portcullis.engine.drift.RouterStatus;
import io.portcullis.engine.fake.TestTargets;
import io.portcullis.engine.memory.Quarantine;
import io.portcullis.engine.targets.Target;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The fleet page lists problems first and at most a page of rows, with a link to all of them (issue 11: the page of a
 * 1,000-router fleet complete in Chromium in under a second); the counts still cover the whole fleet.
 */
class FleetViewOrderTest {
    private static final Instant NOW = Instant.parse("2026-12-06T05:00:00Z");

    @Test
    void problemsComeFirstInInventoryOrderAndTheRestAfter() {
        List<Target> targets = new ArrayList<>();
        Map<String, RouterStatus> status = new HashMap<>();
        for (int i = 0; i < 10; i++) {
            Target t = TestTargets.target("r" + i);
            targets.add(t);
            status.put(t.name(), status(t.name(), "in-sync"));
        }
        status.put("r7", status("r7", "drift"));
        status.put("r3", status("r3", "error"));
        status.put("r5", status("r5", "pending"));
        status.remove("r8"); // never checked
        List<Quarantine> quarantine =
                List.of(new Quarantine("r9", null, "ROLLBACK_FAILED", "rollback unconfirmed", "run-1", "cli", NOW));

        FleetView v = view(targets, status, quarantine, new FleetView.Filter(null, null, null), 0);

        assertThat(v.rows().stream().map(FleetView.Row::router))
                .containsExactly("r7", "r3", "r9", "r5", "r8", "r0", "r1", "r2", "r4", "r6");
        assertThat(v.showAllHref()).as("every row listed").isNull();
        assertThat(v.matching()).isEqualTo(10);
    }

    @Test
    void aLimitListsTheFirstRowsAndLinksToAllKeepingTheFilter() {
        List<Target> targets = new ArrayList<>();
        Map<String, RouterStatus> status = new HashMap<>();
        for (int i = 0; i < 300; i++) {
            Target t = TestTargets.target(String.format("r%03d", i));
            targets.add(t);
            status.put(t.name(), status(t.name(), i == 250 ? "drift" : "in-sync"));
        }

        FleetView v = view(targets, status, List.of(), new FleetView.Filter(null, null, null), FleetView.DEFAULT_LIMIT);
        assertThat(v.rows()).hasSize(FleetView.DEFAULT_LIMIT);
        assertThat(v.rows().get(0).router())
                .as("the drifted router beyond the first page is on it, first")
                .isEqualTo("r250");
        assertThat(v.matching()).isEqualTo(300);
        assertThat(v.total()).isEqualTo(300);
        assertThat(v.showAllHref()).isEqualTo("/?all=1");
        assertThat(v.counts().stream().mapToInt(FleetView.StateCount::count).sum())
                .as("counts cover the whole fleet")
                .isEqualTo(300);

        FleetView filtered = view(
                targets, status, List.of(), new FleetView.Filter("in_policy", null, null), FleetView.DEFAULT_LIMIT);
        assertThat(filtered.showAllHref()).isEqualTo("/?state=in_policy&all=1");
        assertThat(filtered.matching()).isEqualTo(299);

        FleetView wall = FleetView.of(
                targets,
                status,
                new DropHistory(10),
                r -> "—",
                List.of(),
                null,
                new FleetView.Filter(null, null, null),
                true,
                NOW,
                null,
                FleetView.DEFAULT_LIMIT);
        assertThat(wall.showAllHref()).as("the wall screen stays a wall screen").isEqualTo("/?wall=1&all=1");
    }

    private static FleetView view(
            List<Target> targets,
            Map<String, RouterStatus> status,
            List<Quarantine> quarantine,
            FleetView.Filter filter,
            int limit) {
        return FleetView.of(
                targets, status, new DropHistory(10), r -> "—", quarantine, null, filter, false, NOW, null, limit);
    }

    private static RouterStatus status(String router, String drift) {
        return new RouterStatus(
                router,
                "junos",
                new DriftEntry(router, "junos", drift, null, List.of(), List.of(), null, null, null),
                NOW,
                5,
                "test",
                null,
                null);
    }
}
