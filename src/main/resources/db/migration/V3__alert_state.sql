-- Alert state of serve (io.portcullis.ha.DatabaseAlertStateStore): one row per open alert, or per resolved alert
-- whose resolve has not reached every sink yet. A restarted or newly elected replica reads it back, so an open
-- alert keeps its startsAt, fingerprint and changedBy (no re-fire) and a decided resolve is still delivered.
-- Only the leader writes it. Delivery attempts themselves are rows of pcl_alert_delivery (V1).

CREATE TABLE pcl_alert_state (
    fingerprint   VARCHAR(64)   NOT NULL PRIMARY KEY,
    alertname     VARCHAR(64)   NOT NULL,
    status        VARCHAR(16)   NOT NULL,
    router        VARCHAR(200)  NOT NULL,
    platform      VARCHAR(32),
    detail        VARCHAR(200),
    summary       VARCHAR(2000),
    changes_json  VARCHAR(1000000),
    impact_json   VARCHAR(1000000),
    changed_by    VARCHAR(400),
    starts_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    ends_at       TIMESTAMP WITH TIME ZONE,
    generator_url VARCHAR(2000),
    -- per sink name, when this version of the alert was last delivered there (JSON object of ISO instants);
    -- a sink missing from it still has to receive it (a resolve not yet delivered survives a restart)
    sent_to_json  VARCHAR(8000) NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    -- the replica (portcullis.replica) that wrote the row last
    updated_by    VARCHAR(200)
);
CREATE INDEX pcl_alert_state_router ON pcl_alert_state (router);
