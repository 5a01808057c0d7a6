package io.portcullis.guard;

import io.portcullis.engine.memory.RouterGuard;
import io.portcullis.store.DbSettings;
import io.portcullis.store.StoreOpener;

/**
 * A guard whose router locks are rows in {@code pcl_router_lock} whatever the database: {@link Guards#open} gives an
 * embedded H2 file lock files instead ({@link FileRouterLocks}), and the row tests run on H2 as well as PostgreSQL,
 * since H2 server and in-memory URLs still lock with rows.
 */
final class LockRowGuards {
    private LockRowGuards() {}

    static Guards.Opened open(DbSettings settings, String actor) {
        StoreOpener.Database db = StoreOpener.database(settings);
        DatabaseRouterLocks rows = new DatabaseRouterLocks(db.dataSource(), db.where(), Guards.LOCK_TTL);
        RouterGuard guard = new RouterGuard(
                new DatabaseRouterMemory(db.dataSource(), db.where()), rows, actor, Guards.lockWait(), false);
        return new Guards.Opened(guard, db.where(), db.owner(), rows);
    }
}
