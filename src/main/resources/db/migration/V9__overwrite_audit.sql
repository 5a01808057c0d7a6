-- Finding D of the soak (issue 13): an out-of-band change that no check saw and that a CI apply then overwrote was
-- alerted by nobody. serve's leader now audits every finished apply and recover run: per router it compares the running
-- config the run read before editing (digest_before) with what the router held after the last Portcullis run that
-- changed or verified it (digest_after), and alerts a difference no drift event accounts for. A run is audited once,
-- by one replica, across restarts and failovers: this table says which runs were.

CREATE TABLE pcl_overwrite_audit (
    run_id      VARCHAR(64)  NOT NULL PRIMARY KEY REFERENCES pcl_run (id) ON DELETE CASCADE,
    audited_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    audited_by  VARCHAR(200) NOT NULL,
    overwritten INTEGER      NOT NULL
);
