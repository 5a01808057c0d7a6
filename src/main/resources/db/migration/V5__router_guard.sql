-- Router guard (io.portcullis.guard, issue 13): what Portcullis keeps about routers between runs.
-- V4 is left to the check-failure migration of the desired-state work.

-- quirks a run found out and later runs work around (VALIDATE_LOSES_EDITS: skip <validate> on this router)
CREATE TABLE pcl_router_quirk (
    router        VARCHAR(200) NOT NULL,
    quirk         VARCHAR(64)  NOT NULL,
    found_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    found_by_run  VARCHAR(64),
    PRIMARY KEY (router, quirk)
);

-- routers a run left ROLLBACK_FAILED or UNKNOWN_RECONCILED (or whose recovery failed): apply skips them until
-- `portcullis quarantine release ROUTER`
CREATE TABLE pcl_quarantine (
    router   VARCHAR(200)  NOT NULL PRIMARY KEY,
    -- host:port of the router (the lock key): every inventory name of that box is skipped
    address  VARCHAR(300),
    state    VARCHAR(32)   NOT NULL,
    reason   VARCHAR(2000) NOT NULL,
    run_id   VARCHAR(64),
    actor    VARCHAR(400),
    since    TIMESTAMP WITH TIME ZONE NOT NULL
);

-- one transaction per router across processes and replicas: a row per held router (key host:port), renewed by its
-- holder while held; a row whose expiry passed belongs to a process that died and may be taken over
CREATE TABLE pcl_router_lock (
    lock_key     VARCHAR(300) NOT NULL PRIMARY KEY,
    run_id       VARCHAR(64)  NOT NULL,
    actor        VARCHAR(400),
    token        VARCHAR(64)  NOT NULL,
    acquired_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
