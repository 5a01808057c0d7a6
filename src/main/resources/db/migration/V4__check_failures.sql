-- Consecutive failed checks per router, the count behind PortcullisRouterUnreachable (portcullis.alert.unreachable-after),
-- kept next to the alert state (io.portcullis.ha.DatabaseAlertStateStore) so a restarted or newly elected replica goes
-- on counting where the last leader stopped instead of starting again at zero. A router without a row had no failed
-- check since its last good one. Only the leader writes it.

CREATE TABLE pcl_check_failure (
    router        VARCHAR(200) NOT NULL PRIMARY KEY,
    failed_checks INTEGER      NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    -- the replica (portcullis.replica) that wrote the row last
    updated_by    VARCHAR(200)
);
