package io.portcullis.netconf.netconfd;

import io.portcullis.intent.Binding;
import io.portcullis.intent.Filter;
import io.portcullis.intent.FilterIntent;
import io.portcullis.netconf.ClientSettings;
import io.portcullis.netconf.Credential;
import io.portcullis.netconf.Endpoint;
import io.portcullis.netconf.NetconfClient;
import io.portcullis.netconf.NetconfException;
import io.portcullis.netconf.NetconfSession;
import io.portcullis.netconf.RpcReply;
import io.portcullis.netconf.rpc.Commit;
import io.portcullis.netconf.rpc.Datastore;
import io.portcullis.netconf.rpc.EditConfig;
import io.portcullis.netconf.rpc.GetConfig;
import io.portcullis.platform.openconfig.OpenConfigReader;
import io.portcullis.testing.NetconfdServer;
import java.time.Duration;
import java.util.List;
import org.w3c.dom.Element;

/** Shared plumbing of the tests against the real server (tag "netconfd"): sessions, read-back, cleanup. */
final class Netconfd implements AutoCloseable {
    static final String ACL_FILTER = "<acl xmlns=\"http://openconfig.net/yang/acl\"/>";

    final NetconfdServer server;
    final NetconfClient client;

    private Netconfd(NetconfdServer server) {
        this.server = server;
        this.client = NetconfClient.create(ClientSettings.defaults().withRpcTimeout(Duration.ofSeconds(30)));
    }

    /** The running server (or the calling test is skipped) with a client for it. */
    static Netconfd require() {
        NetconfdServer server = NetconfdServer.require();
        dropForeignEdDsaProvider();
        return new Netconfd(server);
    }

    /**
     * A @QuarkusTest earlier in the same Surefire JVM registers MINA's "EdDSA" JCE provider from Quarkus' class
     * loader; MINA in this (plain) class loader then finds that provider, whose key-spec classes are not ours, and
     * every ed25519 host key fails with "key spec not recognised". Dropping the foreign provider lets MINA register
     * its own.
     */
    static void dropForeignEdDsaProvider() {
        java.security.Provider p = java.security.Security.getProvider("EdDSA");
        if (p != null && p.getClass().getClassLoader() != Netconfd.class.getClassLoader()) {
            java.security.Security.removeProvider("EdDSA");
        }
    }

    Endpoint endpoint() {
        return Endpoint.of(
                server.host(),
                server.port(),
                server.username(),
                Credential.password(server.password()),
                server.knownHosts());
    }

    NetconfSession open() throws NetconfException {
        return client.connect(endpoint());
    }

    /** The rpc-reply of get-config (ACL subtree) on {@code source}, as XML text. */
    static String acl(NetconfSession s, Datastore source) throws NetconfException {
        RpcReply reply = s.execute(new GetConfig(source, io.portcullis.netconf.rpc.Filter.subtree(ACL_FILTER)));
        return xml(reply.root());
    }

    /** The filters and bindings whose names start with {@code prefix}, as the OpenConfig reader sees them. */
    static FilterIntent intentOf(String xml, String prefix) {
        FilterIntent all = OpenConfigReader.read("netconfd", xml).intent();
        List<Filter> filters =
                all.filters().stream().filter(f -> f.name().startsWith(prefix)).toList();
        List<Binding> bindings = all.bindings().stream()
                .filter(b -> b.filterName().startsWith(prefix))
                .toList();
        return new FilterIntent(all.device(), all.platform(), filters, bindings);
    }

    /** Removes what a test pushed under {@code prefix}, in a session of its own (any pending commit is gone by then). */
    void cleanup(String prefix) {
        try (NetconfSession s = open()) {
            s.execute(edit(NetconfdServer.removalPayload(prefix)));
            s.execute(Commit.commit());
        } catch (NetconfException e) {
            throw new AssertionError("cleanup of " + prefix + " on netconfd failed: " + e.getMessage(), e);
        }
    }

    /** An edit-config of the children of a {@code <config>} document (EditConfig adds its own config element). */
    static EditConfig edit(String configDocument) {
        int open = configDocument.indexOf('>', configDocument.indexOf("<config")) + 1;
        int close = configDocument.lastIndexOf("</config>");
        return EditConfig.of(Datastore.CANDIDATE, configDocument.substring(open, close));
    }

    static String xml(Element e) {
        return io.portcullis.netconf.xml.SecureXml.toXml(e);
    }

    @Override
    public void close() {
        client.close();
    }
}
