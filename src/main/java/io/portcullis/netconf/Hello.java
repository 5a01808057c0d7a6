package io.portcullis.netconf;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;

/** The hello exchange (RFC 6241 §8.1): ours carries no session-id; the server's must. */
final class Hello {
    private Hello() {}

    static byte[] client(boolean base11) {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><hello xmlns=\"")
                .append(Xml.BASE_NS)
                .append("\"><capabilities><capability>")
                .append(Capabilities.BASE_1_0)
                .append("</capability>");
        if (base11) {
            sb.append("<capability>").append(Capabilities.BASE_1_1).append("</capability>");
        }
        return sb.append("</capabilities></hello>").toString().getBytes(StandardCharsets.UTF_8);
    }

    record ServerHello(long sessionId, Capabilities capabilities) {}

    static ServerHello parseServer(Element root, String peer) throws NetconfException {
        if (!Xml.is(root, Xml.BASE_NS, "hello")) {
            throw fail(peer, "sent <" + root.getLocalName() + "> instead of <hello>");
        }
        Element caps = Xml.child(root, "capabilities");
        List<String> uris = new ArrayList<>();
        if (caps != null) {
            for (Element c : Xml.children(caps, "capability")) {
                uris.add(c.getTextContent().strip());
            }
        }
        if (uris.isEmpty()) {
            throw fail(peer, "sent a hello without capabilities");
        }
        String sid = Xml.childText(root, "session-id");
        if (sid == null) {
            throw fail(peer, "sent a hello without session-id");
        }
        long id;
        try {
            id = sid.matches("\\d{1,10}") ? Long.parseLong(sid) : -1;
        } catch (NumberFormatException e) {
            id = -1;
        }
        if (id < 1 || id > 4294967295L) {
            throw fail(peer, "sent an invalid session-id in its hello");
        }
        return new ServerHello(id, Capabilities.of(uris));
    }

    static NetconfException fail(String peer, String what) {
        return new NetconfException(Failure.HELLO_FAILED, "NETCONF server " + peer + " " + what + "; session closed");
    }
}
