package io.portcullis.engine.router;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.netconf.ChangedBy;
import org.junit.jupiter.api.Test;

/** Whose hand a netconf-config-change shows: only a named user other than Portcullis' own login is someone else's. */
class ForeignChangeTest {

    @Test
    void anotherUsersChangeIsForeign() {
        assertThat(NetconfConnector.foreign(new ChangedBy(false, "alice", 7L, "192.0.2.9"), "portcullis"))
                .isTrue();
    }

    @Test
    void portcullisOwnCommitTheServerOrNobodyIsNot() {
        assertThat(NetconfConnector.foreign(new ChangedBy(false, "portcullis", 8L, "192.0.2.1"), "portcullis"))
                .isFalse();
        assertThat(NetconfConnector.foreign(new ChangedBy(true, null, null, null), "portcullis"))
                .isFalse();
        assertThat(NetconfConnector.foreign(new ChangedBy(false, null, 9L, null), "portcullis"))
                .isFalse();
        assertThat(NetconfConnector.foreign(null, "portcullis")).isFalse();
    }
}
