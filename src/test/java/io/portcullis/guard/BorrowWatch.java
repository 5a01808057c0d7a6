package io.portcullis.guard;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import javax.sql.DataSource;

/** A datasource that runs something of the test's before each connection it lends (to count borrows, or be slow). */
final class BorrowWatch {
    private BorrowWatch() {}

    /** What runs on the borrowing thread before each {@code getConnection}. */
    interface BeforeBorrow {
        void run() throws Exception;
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
