-- Each router's current state as the leading serve replica last found it (io.portcullis.ha.DatabaseRouterStateStore):
-- in policy, drifted (changes, packet impact, changedBy), pending, unreachable, with the revision it was compared with.
-- Followers serve the REST API and the dashboard from it, and a newly elected or restarted leader starts from it
-- instead of showing every router unchecked. A row is written only when the router's state changes, not on every
-- check: how recent a state is comes from changed_at and the fleet's last full check below. Only the leader writes.
-- Nothing secret is kept: error texts and router diffs are masked (io.portcullis.store.Sanitizer) before they are written.

CREATE TABLE pcl_router_state (
    router        VARCHAR(200)  NOT NULL PRIMARY KEY,
    platform      VARCHAR(32),
    -- in-sync, drift, pending, error (the API's status)
    state         VARCHAR(16)   NOT NULL,
    fingerprint   VARCHAR(128),
    changed_by    VARCHAR(400),
    -- sha256 of the state without its check time: the leader compares it to decide whether to write at all
    digest        VARCHAR(64)   NOT NULL,
    -- the state as GET /api/routers shows it (drift entry with changes and impact, revisions, trigger), JSON
    status_json   VARCHAR(1000000) NOT NULL,
    -- the check that found this state (the row is not rewritten while the state stays the same)
    changed_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    -- the replica (portcullis.replica) that wrote the row
    updated_by    VARCHAR(200)
);

-- One row (id 1): bumped with every write to pcl_router_state, so a follower re-reads the routers only when something
-- changed; and when the leader last finished a full check (every router it watches was checked at or after
-- last_full_check_at, whether or not its row changed).
CREATE TABLE pcl_fleet_check (
    id                 INTEGER      NOT NULL PRIMARY KEY,
    version            BIGINT       NOT NULL,
    last_full_check_at TIMESTAMP WITH TIME ZONE,
    routers_checked    INTEGER,
    updated_at         TIMESTAMP WITH TIME ZONE,
    updated_by         VARCHAR(200)
);
INSERT INTO pcl_fleet_check (id, version) VALUES (1, 0);
