package io.portcullis.netconf.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portcullis.netconf.xml.SecureXml;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Each operation's XML is well-formed and states the capabilities it needs. */
@Timeout(value = 5, unit = TimeUnit.SECONDS)
class OperationsTest {
    private static String wellFormed(NetconfRpc rpc) throws Exception {
        String xml = rpc.toXml();
        SecureXml.parse("<rpc xmlns=\"urn:ietf:params:xml:ns:netconf:base:1.0\">" + xml + "</rpc>");
        return xml;
    }

    @Test
    void xmlAndRequirements() throws Exception {
        assertThat(wellFormed(new GetConfig(Datastore.CANDIDATE, Filter.subtree("<acls xmlns=\"urn:a\"/>"))))
                .isEqualTo(
                        "<get-config><source><candidate/></source><filter type=\"subtree\"><acls xmlns=\"urn:a\"/></filter></get-config>");
        assertThat(new GetConfig(Datastore.CANDIDATE, null).requiredCapabilities())
                .containsExactly(":candidate");
        GetConfig xp =
                new GetConfig(Datastore.RUNNING, Filter.xpath("/a:acls/a:acl[a:name=\"X&Y\"]", Map.of("a", "urn:a")));
        assertThat(wellFormed(xp))
                .contains("xmlns:a=\"urn:a\"")
                .contains("select=\"/a:acls/a:acl[a:name=&quot;X&amp;Y&quot;]\"");
        assertThat(xp.requiredCapabilities()).containsExactly(":xpath");

        EditConfig edit = EditConfig.of(Datastore.RUNNING, "<acls xmlns=\"urn:a\"/>")
                .withDefaultOperation(EditConfig.DefaultOperation.NONE)
                .withTestOption(EditConfig.TestOption.TEST_ONLY)
                .withErrorOption(EditConfig.ErrorOption.ROLLBACK_ON_ERROR);
        assertThat(wellFormed(edit))
                .isEqualTo("<edit-config><target><running/></target><default-operation>none</default-operation>"
                        + "<test-option>test-only</test-option><error-option>rollback-on-error</error-option><config><acls xmlns=\"urn:a\"/>"
                        + "</config></edit-config>");
        assertThat(edit.requiredCapabilities())
                .containsExactly(":writable-running", ":validate:1.1", ":rollback-on-error");
        assertThat(EditConfig.of(Datastore.CANDIDATE, "<x/>").requiredCapabilities())
                .containsExactly(":candidate");

        assertThat(wellFormed(new CopyConfig(Datastore.RUNNING, Datastore.STARTUP)))
                .isEqualTo("<copy-config><target><startup/></target><source><running/></source></copy-config>");
        assertThat(new CopyConfig(Datastore.RUNNING, Datastore.STARTUP).requiredCapabilities())
                .containsExactly(":startup");
        assertThatThrownBy(() -> new DeleteConfig(Datastore.RUNNING)).isInstanceOf(IllegalArgumentException.class);
        assertThat(wellFormed(new DeleteConfig(Datastore.STARTUP)))
                .isEqualTo("<delete-config><target><startup/></target></delete-config>");
        assertThat(wellFormed(new Lock(Datastore.CANDIDATE))).isEqualTo("<lock><target><candidate/></target></lock>");
        assertThat(wellFormed(new Unlock(Datastore.RUNNING))).isEqualTo("<unlock><target><running/></target></unlock>");
        assertThat(new DiscardChanges().requiredCapabilities()).containsExactly(":candidate");
        assertThat(new Validate(Datastore.CANDIDATE).requiredCapabilities()).containsExactly(":validate", ":candidate");

        assertThat(wellFormed(Commit.commit())).isEqualTo("<commit></commit>");
        assertThat(wellFormed(Commit.confirmed(120)))
                .isEqualTo("<commit><confirmed/><confirm-timeout>120</confirm-timeout></commit>");
        assertThat(Commit.confirmed(120).requiredCapabilities()).containsExactly(":candidate", ":confirmed-commit");
        Commit persistent = Commit.confirmedPersistent(60, "tok<1>");
        assertThat(wellFormed(persistent)).contains("<persist>tok&lt;1&gt;</persist>");
        assertThat(persistent.requiredCapabilities()).contains(":confirmed-commit:1.1");
        assertThat(wellFormed(Commit.confirmPersistent("t"))).isEqualTo("<commit><persist-id>t</persist-id></commit>");
        assertThatThrownBy(() -> Commit.confirmed(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Commit(true, 4294967296L, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(wellFormed(new CancelCommit("t")))
                .isEqualTo("<cancel-commit><persist-id>t</persist-id></cancel-commit>");
        assertThat(CancelCommit.ofThisSession().requiredCapabilities()).contains(":confirmed-commit:1.1");
        assertThat(wellFormed(new KillSession(12)))
                .isEqualTo("<kill-session><session-id>12</session-id></kill-session>");
        assertThat(wellFormed(new CloseSession())).isEqualTo("<close-session/>");

        CreateSubscription sub = new CreateSubscription(
                "NETCONF",
                "<netconf-config-change xmlns=\"urn:n\"/>",
                OffsetDateTime.parse("2026-11-28T10:00:00Z"),
                OffsetDateTime.parse("2026-11-28T11:00:00Z"));
        assertThat(wellFormed(sub))
                .contains("<stream>NETCONF</stream>")
                .contains("<startTime>2026-11-28T10:00:00Z</startTime>");
        assertThat(sub.requiredCapabilities()).containsExactly(":notification", ":replay");
    }
}
