-- Policy revisions (io.portcullis.store): the policy document of every revision a run applied, so that any
-- replica of serve can rebuild exactly the policy that was applied to a router (desired state = what was applied).
-- Keyed by the policy digest the runs carry in pcl_run.policy_digest. documents_json: {"file name": "text", ...}.

CREATE TABLE pcl_policy_revision (
    policy_digest   VARCHAR(80)  NOT NULL PRIMARY KEY,
    policy_revision VARCHAR(64),
    -- first recorded, and last recorded by a run applying it (a roll-back to an old revision makes it the newest again)
    recorded_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    last_applied_at TIMESTAMP WITH TIME ZONE NOT NULL,
    documents_json  TEXT         NOT NULL
);
CREATE INDEX pcl_policy_revision_applied ON pcl_policy_revision (last_applied_at);
-- "which revision was last applied to each router": successful apply/remediation rows of a router, newest first
CREATE INDEX pcl_router_run_state ON pcl_router_run (state, router, run_started_at);
