package io.portcullis.store;

import io.agroal.api.AgroalDataSource;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * After the database was unreachable, the pool's idle connections broke with it: a pool without validation on
 * borrow (Portcullis' own, and Quarkus' between background validations) would hand them out again after the database
 * is back, and every store that retries on its own schedule would keep failing on them. Every store that meets an
 * unreachable database closes them, so its next attempt opens a fresh connection.
 */
public final class StalePool {
    private StalePool() {}

    /**
     * Closes the idle connections of {@code database}'s pool when {@code failure}, an error of a connection the pool
     * gave out, says the database was unreachable. A failure to open the pool at all ({@link StoreException}) has
     * nothing to evict, and asking the supplier again would only try to open it once more.
     */
    public static void evictAfter(Supplier<DataSource> database, Throwable failure) {
        if (!(failure instanceof java.sql.SQLException) || !SqlErrors.unreachable(failure)) {
            return;
        }
        try {
            if (database.get() instanceof AgroalDataSource pool) {
                pool.flush(AgroalDataSource.FlushMode.IDLE);
            }
        } catch (RuntimeException ignored) {
            // the pool itself cannot be reached: nothing to evict
        }
    }
}
