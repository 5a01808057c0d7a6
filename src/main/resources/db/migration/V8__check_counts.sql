-- History growth under serve (issue 9): a scheduled (periodic) full drift check records a router's row in
-- pcl_router_run only when the router's state (status, fingerprint, changes, impact, error, revisions, changedBy)
-- differs from the last check recorded for it, so a quiet fleet of 1,000 routers checked every 5 minutes adds one run
-- row per check instead of 1,001. The run row keeps how many routers the check covered and how many of those were
-- left out because nothing changed; CLI and API drift runs, applies and serve's other checks (start-up, failover,
-- reload, after an apply, API request, notification) record every router and leave routers_unchanged at 0.
-- NULL in both columns: a run that is not one of serve's drift checks (or one recorded before this migration).
-- When a router was last checked: pcl_fleet_check.last_full_check_at (V6) for every router in pcl_router_state.

ALTER TABLE pcl_run ADD COLUMN routers_checked INTEGER;
ALTER TABLE pcl_run ADD COLUMN routers_unchanged INTEGER;
