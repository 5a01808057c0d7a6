package io.portcullis.store;

import java.time.Instant;
import java.util.List;

/**
 * The port of the counter history ({@code pcl_counter_sample}, migration V7): serve's leader writes what each sampling
 * interval's counters grew by; every replica reads it back for the dashboard's charts. {@link JdbcCounterSamples}
 * implements it over a datasource, {@link BufferedCounterSamples} in front of it keeps sampling independent of the
 * database. Every method may throw {@link StoreException} (one sentence, no credentials) while the database is down.
 */
public interface CounterSamples {

    /** One router's sums over a time window, for the fleet page. */
    record RouterDrops(String router, long dropped, Instant newest) {}

    /** Writes one sampling round's rows (a row already there, as after a retried write, is kept as it was). */
    void write(List<CounterDelta> rows);

    /** The rows of the router's last {@code intervals} sampling intervals, oldest first. */
    List<CounterDelta> recent(String router, int intervals);

    /**
     * Per router with an interval that ended after {@code since}: the packets its drop terms matched in those intervals,
     * and when its newest stored interval ended.
     */
    List<RouterDrops> fleet(Instant since);

    /** Deletes rows of intervals that ended before {@code cutoff}; returns how many. */
    int prune(Instant cutoff);
}
