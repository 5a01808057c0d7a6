-- Enforcement evidence over time (issue 11): what the leading serve replica's counter sampling found, one row per
-- router, family and owned term per sampling interval (portcullis.counters.period, default 1m): the packets (and bytes,
-- where the platform counts them) the term matched during the interval. Written by the leader only
-- (io.portcullis.store.JdbcCounterSamples); read by every replica for the dashboard's drop charts and the fleet's
-- "dropped probes, last hour", so a restarted leader and a follower show the same history. Pruned by the leader to
-- portcullis.counters.retention (default 7d). Terms of the same name in two filters of one family (interface and
-- subscriber filters) are summed, as in the portcullis_filter_matched_packets_total metric, so the filter is not kept.
-- Volume: a row per term per interval, e.g. 1,000 routers x 6 terms x 1,440 intervals a day = 8.6M rows a day.

CREATE TABLE pcl_counter_sample (
    router          VARCHAR(200) NOT NULL,
    -- ipv4, ipv6
    family          VARCHAR(16)  NOT NULL,
    term            VARCHAR(200) NOT NULL,
    -- true for a term that discards (the drop chart's series); false for an accept term
    drops           BOOLEAN      NOT NULL,
    interval_start  TIMESTAMP WITH TIME ZONE NOT NULL,
    interval_end    TIMESTAMP WITH TIME ZONE NOT NULL,
    -- matched during the interval (a counter lower than at the previous sample was reset: its value counts)
    packets         BIGINT       NOT NULL,
    -- null where the platform counts packets only
    bytes           BIGINT,
    -- the replica (portcullis.replica) whose sampling this is
    sampled_by      VARCHAR(200),
    -- also "one router's last N intervals": the router's rows in time order
    PRIMARY KEY (router, interval_end, family, term)
);

-- the whole fleet's last hour (the fleet page) and retention
CREATE INDEX pcl_counter_sample_end ON pcl_counter_sample (interval_end);
