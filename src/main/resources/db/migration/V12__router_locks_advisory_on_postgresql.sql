-- From this version on, router locks on PostgreSQL are session-level advisory locks (io.portcullis.guard.AdvisoryRouterLocks),
-- and on an embedded H2 file operating-system file locks beside it (io.portcullis.guard.FileRouterLocks); only H2 server and
-- in-memory databases keep rows in pcl_router_lock. A version from before would lock with rows that this one never reads,
-- and both could change one router at once. This migration is the fence: older versions refuse a database whose schema is
-- newer than they know ("newer than this portcullis knows"), so every process sharing a database must be upgraded together.
COMMENT ON TABLE pcl_router_lock IS 'Router locks of H2 server and in-memory databases only (PostgreSQL: advisory locks; embedded H2 file: lock files). See V12.';
