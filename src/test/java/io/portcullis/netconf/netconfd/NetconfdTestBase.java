package io.portcullis.netconf.netconfd;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;

/** One lazily opened connection to the real netconfd per test class, closed after the class. */
@Tag("netconfd")
abstract class NetconfdTestBase {
    static Netconfd nd;

    @BeforeEach
    void server() {
        // per test, not @BeforeAll: Surefire hides a class-level skip (it reports 0 tests and no reason)
        if (nd == null) {
            nd = Netconfd.require();
        }
    }

    @AfterAll
    static void close() {
        if (nd != null) {
            nd.close();
            nd = null;
        }
    }
}
