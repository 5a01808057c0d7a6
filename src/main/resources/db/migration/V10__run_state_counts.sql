-- `history` lists each run with how many of its routers ended in each state. Counting them from pcl_router_run on every
-- read costs `limit` × fleet rows (20 runs of 1,000 routers: 20,000 rows for one `history --router X`), so the count is
-- written once, when the run finishes, as "STATE=N,STATE=N" (states are upper-case words). NULL: the run has not
-- finished, was recorded before this migration, or had a router recorded after it finished (the write clears it);
-- readers then count the rows themselves.

ALTER TABLE pcl_run ADD COLUMN state_counts VARCHAR(2000);
