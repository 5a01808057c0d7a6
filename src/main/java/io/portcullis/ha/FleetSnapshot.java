package io.portcullis.ha;

import java.time.Instant;
import java.util.List;

/**
 * What a follower reads: every router's row, the leader's last full check and who wrote last.
 *
 * @param version       {@code pcl_fleet_check.version} when read (bumped with every write)
 * @param lastFullCheck when the leader's last full check started (every router it watches was checked since), or null
 * @param writtenBy     the replica that wrote last, or null before any write
 * @param readAt        when this replica read it
 */
public record FleetSnapshot(
        long version, Instant lastFullCheck, String writtenBy, List<RouterStateRow> routers, Instant readAt) {
    public FleetSnapshot {
        routers = List.copyOf(routers);
    }
}
