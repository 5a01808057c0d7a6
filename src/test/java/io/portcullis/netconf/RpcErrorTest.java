package io.portcullis.netconf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portcullis.netconf.xml.SecureXml;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.w3c.dom.Element;

/** Checklist D.2 #18 and #19: rpc-error variety, parsed into structured errors. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class RpcErrorTest {
    private static final String NS = "urn:ietf:params:xml:ns:netconf:base:1.0";

    private static Element reply(String body) throws Exception {
        return SecureXml.parse("<rpc-reply xmlns=\"" + NS
                        + "\" xmlns:acl=\"urn:ietf:params:xml:ns:yang:ietf-access-control-list\"" + " message-id=\"3\">"
                        + body + "</rpc-reply>")
                .getDocumentElement();
    }

    private static RpcErrorException errors(String body) throws Exception {
        Element root = reply(body);
        try {
            RpcReply.parse("edit-config", root);
        } catch (RpcErrorException e) {
            return e;
        }
        throw new AssertionError("expected rpc-error");
    }

    private static String error(String type, String tag, String severity, String extra) {
        return "<rpc-error><error-type>" + type + "</error-type><error-tag>" + tag + "</error-tag><error-severity>"
                + severity + "</error-severity>" + extra + "</rpc-error>";
    }

    @Test
    void everyFieldOfSeveralErrorsIsKept() throws Exception {
        RpcErrorException e = errors(error(
                        "application",
                        "invalid-value",
                        "error",
                        "<error-app-tag>must-violation</error-app-tag>"
                                + "<error-path>/acl:acls/acl:acl[acl:name='SUBS']/acl:aces</error-path>"
                                + "<error-message xml:lang=\"en\">port out of range</error-message>"
                                + "<error-info><bad-element>destination-port</bad-element><bad-attribute>operation</bad-attribute>"
                                + "<bad-namespace>urn:bad</bad-namespace><vendor-code xmlns=\"urn:v\">E42</vendor-code></error-info>")
                + error(
                        "protocol",
                        "unknown-element",
                        "error",
                        "<error-info><bad-element>foo</bad-element></error-info>")
                + error("rpc", "operation-failed", "warning", "<error-message>just saying</error-message>"));
        assertThat(e.failure()).isEqualTo(Failure.RPC_ERROR);
        assertThat(e.errors()).hasSize(3);
        RpcError first = e.errors().get(0);
        assertThat(first.type()).isEqualTo(RpcError.ErrorType.APPLICATION);
        assertThat(first.tag()).isEqualTo("invalid-value");
        assertThat(first.knownTag()).contains(RpcError.Tag.INVALID_VALUE);
        assertThat(first.severity()).isEqualTo(RpcError.Severity.ERROR);
        assertThat(first.appTag()).isEqualTo("must-violation");
        assertThat(first.path()).isEqualTo("/acl:acls/acl:acl[acl:name='SUBS']/acl:aces");
        assertThat(first.pathNamespaces())
                .containsEntry("acl", "urn:ietf:params:xml:ns:yang:ietf-access-control-list")
                .containsEntry("", NS);
        assertThat(first.message()).isEqualTo("port out of range");
        assertThat(first.messageLang()).isEqualTo("en");
        assertThat(first.info().badElements()).containsExactly("destination-port");
        assertThat(first.info().badAttributes()).containsExactly("operation");
        assertThat(first.info().badNamespaces()).containsExactly("urn:bad");
        assertThat(first.info().other()).containsEntry("vendor-code", "E42");
        assertThat(e.errors().get(1).tag()).isEqualTo("unknown-element");
        assertThat(e.errors().get(2).isWarning()).isTrue();
        assertThat(e.getMessage())
                .startsWith("server refused edit-config: invalid-value (must-violation) at /acl:acls")
                .contains("and 1 more error(s)");
    }

    @Test
    void warningsOnlyReplyIsASuccessWithWarnings() throws Exception {
        RpcReply r = RpcReply.parse(
                "commit",
                reply(error(
                                "application",
                                "operation-failed",
                                "warning",
                                "<error-message>commit took a while</error-message>")
                        + "<ok/>"));
        assertThat(r.ok()).isTrue();
        assertThat(r.warnings()).singleElement().satisfies(w -> assertThat(w.message())
                .isEqualTo("commit took a while"));
    }

    @Test
    void unknownTagsTypesAndSeveritiesAreTolerated() throws Exception {
        RpcErrorException e = errors(error("bogus", "vendor-special-failure", "fatal", ""));
        RpcError r = e.errors().get(0);
        assertThat(r.tag()).isEqualTo("vendor-special-failure");
        assertThat(r.knownTag()).isEmpty();
        assertThat(r.type()).isEqualTo(RpcError.ErrorType.UNKNOWN);
        assertThat(r.typeText()).isEqualTo("bogus");
        assertThat(r.severity()).isEqualTo(RpcError.Severity.ERROR);
        RpcErrorException bare = errors("<rpc-error/>");
        assertThat(bare.errors().get(0).tag()).isNull();
        assertThat(bare.getMessage()).contains("unknown-error");
    }

    @Test
    void lockDeniedWithNumericSessionId() throws Exception {
        RpcErrorException e = errors(
                error(
                        "protocol",
                        "lock-denied",
                        "error",
                        "<error-message>Lock failed, lock is already held</error-message><error-info><session-id>17</session-id></error-info>"));
        assertThat(e.isLockDenied()).isTrue();
        LockHolder h = e.lockHolder().orElseThrow();
        assertThat(h.sessionId()).isEqualTo(OptionalLong.of(17));
        assertThat(h.nonNetconf()).isFalse();
        assertThat(e.getMessage()).contains("held by NETCONF session 17");
    }

    @Test
    void lockDeniedWithSessionIdZeroIsANonNetconfHolder() throws Exception {
        LockHolder h = errors(error(
                        "protocol", "lock-denied", "error", "<error-info><session-id>0</session-id></error-info>"))
                .lockHolder()
                .orElseThrow();
        assertThat(h.sessionId()).isEmpty();
        assertThat(h.nonNetconf()).isTrue();
        assertThat(h.describe()).isEqualTo("non-NETCONF holder");
    }

    @Test
    void lockDeniedWithTextInsideSessionId() throws Exception {
        LockHolder h = errors(error(
                        "protocol",
                        "lock-denied",
                        "error",
                        "<error-info><session-id>session is locked by 12969</session-id></error-info>"))
                .lockHolder()
                .orElseThrow();
        assertThat(h.sessionId()).isEqualTo(OptionalLong.of(12969));
        assertThat(h.description()).isEqualTo("session is locked by 12969");
    }

    @Test
    void junosLockDeniedHasTheHolderInTheMessage() throws Exception {
        RpcErrorException e = errors(error(
                "protocol",
                "lock-denied",
                "error",
                "<error-message>\nconfiguration database locked by:\n  root terminal p0 (pid 4139) on since 2026-11-28 10:01:22 UTC\n"
                        + "      exclusive [edit]\n</error-message>"));
        LockHolder h = e.lockHolder().orElseThrow();
        assertThat(h.sessionId()).isEmpty();
        assertThat(h.nonNetconf()).isTrue();
        assertThat(h.description()).isEqualTo("root terminal p0 (pid 4139)");
    }

    @Test
    void lockDeniedWithoutAnyHolderInformation() throws Exception {
        RpcErrorException e =
                errors(error("protocol", "lock-denied", "error", "<error-message>denied</error-message>"));
        assertThat(e.isLockDenied()).isTrue();
        assertThat(e.lockHolder()).isEmpty();
    }

    @Test
    void rollbackFailedIsDistinguishable() throws Exception {
        RpcErrorException e = errors(
                error("application", "rollback-failed", "error", "<error-message>rollback incomplete</error-message>"));
        assertThat(e.isRollbackFailed()).isTrue();
        assertThat(errors(error("application", "operation-failed", "error", "")).isRollbackFailed())
                .isFalse();
    }

    @Test
    void dataReplyIsReturned() throws Exception {
        RpcReply r = RpcReply.parse("get-config", reply("<data><acls xmlns=\"urn:a\"/></data>"));
        assertThat(r.data().getFirstChild().getLocalName()).isEqualTo("acls");
        assertThat(r.ok()).isFalse();
        assertThat(r.messageId()).isEqualTo("3");
        assertThat(Map.of()).isEmpty();
        assertThatThrownBy(() -> RpcReply.parse("x", reply(error("rpc", "in-use", "error", ""))))
                .isInstanceOf(RpcErrorException.class);
    }
}
