package io.portcullis.netconf.netconfd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.portcullis.netconf.Failure;
import io.portcullis.netconf.NetconfSession;
import io.portcullis.netconf.RpcError;
import io.portcullis.netconf.RpcErrorException;
import io.portcullis.netconf.rpc.Datastore;
import io.portcullis.netconf.rpc.DiscardChanges;
import io.portcullis.netconf.rpc.Lock;
import io.portcullis.netconf.rpc.Unlock;
import io.portcullis.testing.NetconfdServer;
import org.junit.jupiter.api.Test;

/** rpc-errors and locks as the real netconfd sends them, parsed into structured errors by our client. */
class NetconfdErrorsAndLocksTest extends NetconfdTestBase {
    private static final String ACL_NS = "http://openconfig.net/yang/acl";

    @Test
    void invalidIdentityValueIsAStructuredInvalidValueErrorAndNothingChanges() throws Exception {
        String prefix = NetconfdServer.uniquePrefix("INV");
        String bad = NetconfdServer.openConfigPayload(prefix)
                .replaceFirst(
                        "<forwarding-action>DROP</forwarding-action>", "<forwarding-action>BLOCK</forwarding-action>");
        try (NetconfSession s = nd.open()) {
            RpcErrorException e = catchThrowableOfType(RpcErrorException.class, () -> s.execute(Netconfd.edit(bad)));
            assertThat(e.failure()).isEqualTo(Failure.RPC_ERROR);
            assertThat(e.operation()).isEqualTo("edit-config");
            RpcError err = e.errors().get(0);
            assertThat(err.tag()).isEqualTo("invalid-value");
            assertThat(err.type()).isEqualTo(RpcError.ErrorType.PROTOCOL);
            assertThat(err.severity()).isEqualTo(RpcError.Severity.ERROR);
            assertThat(err.appTag()).isEqualTo("data-invalid");
            assertThat(err.path())
                    .endsWith("/oc-acl:actions/oc-acl:config/oc-acl:forwarding-action")
                    .contains("[oc-acl:name='" + prefix + "-V4']");
            assertThat(err.pathNamespaces()).containsEntry("oc-acl", ACL_NS);
            assertThat(err.info().other()).containsEntry("bad-value", "BLOCK");
            assertThat(Netconfd.intentOf(Netconfd.acl(s, Datastore.CANDIDATE), prefix)
                            .filters())
                    .isEmpty();
        }
    }

    @Test
    void unknownElementGivesOneStructuredErrorPerOffendingEntry() throws Exception {
        String prefix = NetconfdServer.uniquePrefix("UNK");
        String bad = NetconfdServer.openConfigPayload(prefix)
                .replace("<description>block SNMP to subscriber</description>", "<descriptionx>oops</descriptionx>");
        try (NetconfSession s = nd.open()) {
            RpcErrorException e = catchThrowableOfType(RpcErrorException.class, () -> s.execute(Netconfd.edit(bad)));
            assertThat(e.errors()).hasSize(2).allSatisfy(err -> {
                assertThat(err.tag()).isEqualTo("unknown-element");
                assertThat(err.message()).isEqualTo("unknown object");
                assertThat(err.info().badElements()).containsExactly("oc-acl:descriptionx");
                assertThat(err.path()).endsWith("/oc-acl:acl-entry[oc-acl:sequence-id='10']/oc-acl:config");
            });
            assertThat(e.errors())
                    .extracting(RpcError::path)
                    .anySatisfy(p -> assertThat(p).contains(prefix + "-V4"))
                    .anySatisfy(p -> assertThat(p).contains(prefix + "-V6"));
        }
    }

    @Test
    void outOfRangePortInTheUnionLeafIsReportedAsUnknownElementByNetconfd() throws Exception {
        String prefix = NetconfdServer.uniquePrefix("RNG");
        String bad = NetconfdServer.openConfigPayload(prefix)
                .replace("<destination-port>161</destination-port>", "<destination-port>70000</destination-port>");
        try (NetconfSession s = nd.open()) {
            RpcErrorException e = catchThrowableOfType(RpcErrorException.class, () -> s.execute(Netconfd.edit(bad)));
            assertThat(e.errors()).isNotEmpty().allSatisfy(err -> {
                assertThat(err.tag()).isEqualTo("unknown-element");
                assertThat(err.message()).isEqualTo("wrong node type");
                assertThat(err.path()).endsWith("/oc-acl:transport/oc-acl:config/oc-acl:destination-port");
            });
        }
    }

    @Test
    void secondSessionGetsLockDeniedNamingTheHolderAndCannotEditTheLockedCandidate() throws Exception {
        String prefix = NetconfdServer.uniquePrefix("LCK");
        try (NetconfSession holder = nd.open();
                NetconfSession other = nd.open()) {
            holder.execute(new Lock(Datastore.CANDIDATE));
            try {
                RpcErrorException denied = catchThrowableOfType(
                        RpcErrorException.class, () -> other.execute(new Lock(Datastore.CANDIDATE)));
                assertThat(denied.isLockDenied()).isTrue();
                assertThat(denied.lockHolder()).isPresent();
                assertThat(denied.lockHolder().get().sessionId()).hasValue(holder.sessionId());
                assertThat(denied.lockHolder().get().nonNetconf()).isFalse();

                RpcErrorException inUse = catchThrowableOfType(
                        RpcErrorException.class,
                        () -> other.execute(Netconfd.edit(NetconfdServer.openConfigPayload(prefix))));
                assertThat(inUse.hasTag("in-use")).isTrue();
                assertThat(inUse.errors().get(0).message()).isEqualTo("config locked");
            } finally {
                holder.execute(new Unlock(Datastore.CANDIDATE));
            }
            other.execute(new Lock(Datastore.CANDIDATE));
            other.execute(new Unlock(Datastore.CANDIDATE));
        }
    }

    @Test
    void lockingACandidateWithSomeoneElsesUncommittedEditsIsRefused() throws Exception {
        String prefix = NetconfdServer.uniquePrefix("DRT");
        try (NetconfSession editor = nd.open();
                NetconfSession locker = nd.open()) {
            editor.execute(Netconfd.edit(NetconfdServer.openConfigPayload(prefix)));
            try {
                RpcErrorException e = catchThrowableOfType(
                        RpcErrorException.class, () -> locker.execute(new Lock(Datastore.CANDIDATE)));
                assertThat(e.hasTag("resource-denied")).isTrue();
                assertThat(e.errors().get(0).message()).contains("discard-changes needed");
            } finally {
                editor.execute(new DiscardChanges());
            }
            locker.execute(new Lock(Datastore.CANDIDATE));
            locker.execute(new Unlock(Datastore.CANDIDATE));
        }
    }
}
