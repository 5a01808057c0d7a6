package io.portcullis.guard;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.CountDownLatch;
import javax.sql.DataSource;

/** A datasource that runs something of the test's before each connection it lends (to count borrows, or be slow). */
final class BorrowWatch {
    private BorrowWatch() {}

    /** What runs on the borrowing thread before each {@code getConnection}. */
    interface BeforeBorrow {
        void run() throws Exception;
    }

    /**
     * A datasource that is slow (300 ms to lend a connection) for one thread of the code under test, and says when that
     * thread first asks: a test that acts then knows the thread's work is under way.
     */
    static DataSource slowFor(DataSource ds, String threadName, CountDownLatch underWay) {
        return around(ds, () -> {
            if (Thread.currentThread().getName().equals(threadName)) {
                underWay.countDown();
                Thread.sleep(300);
            }
        });
    }

    static DataSource around(DataSource ds, BeforeBorrow before) {
        return (DataSource) Proxy.newProxyInstance(
                DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getConnection")) {
                        before.run();
                    }
                    try {
                        return method.invoke(ds, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
