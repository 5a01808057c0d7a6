/**
 * High availability of {@code serve}: which replica leads and what survives a restart or a failover.
 * {@link io.portcullis.ha.LeaderElection} holds a PostgreSQL session advisory lock on a dedicated connection
 * (the lock goes when that connection dies, so the database decides, not a consensus of our own);
 * {@link io.portcullis.ha.SingleReplica} is the H2 / HA-off case. {@link io.portcullis.ha.DatabaseAlertStateStore}
 * keeps the alert state in the database ({@code pcl_alert_state}, migration V3) with an in-memory buffer while
 * the database is down, so a new leader neither re-fires an open alert nor loses a resolve.
 * {@link io.portcullis.ha.DatabaseRouterStateStore} keeps every router's current state ({@code pcl_router_state},
 * migration V6), written by the leader when a state changes, read by followers to serve the API and the dashboard,
 * and by a newly elected leader to start from.
 *
 * <p>May import {@code alert}, {@code store} and {@code json}, and JDBC. Never {@code engine}, {@code api} or
 * {@code cli}: the service ({@code api}) wires it to the drift monitor.
 */
package io.portcullis.ha;
