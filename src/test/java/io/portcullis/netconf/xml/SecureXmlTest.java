package io.portcullis.netconf.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** Checklist D.6 #45 (XXE, billion laughs, DOCTYPE) and #46 (caps). */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SecureXmlTest {
    @TempDir
    Path tmp;

    @Test
    void parsesOrdinaryNetconfWithNamespaces() throws Exception {
        Document d = SecureXml.parse(
                "\n  <rpc-reply xmlns=\"urn:ietf:params:xml:ns:netconf:base:1.0\" message-id=\"7\"><ok/></rpc-reply>");
        assertThat(d.getDocumentElement().getNamespaceURI()).isEqualTo("urn:ietf:params:xml:ns:netconf:base:1.0");
        assertThat(d.getDocumentElement().getAttribute("message-id")).isEqualTo("7");
    }

    @Test
    void xxeToAFileAndToANetworkPortIsRefusedWithoutTouchingEither() throws Exception {
        Path canary = tmp.resolve("canary.txt");
        Files.writeString(canary, "CANARY-SECRET-4711");
        try (ServerSocket listener = new ServerSocket(0)) {
            listener.setSoTimeout(300);
            String[] attacks = {
                "<!DOCTYPE r [<!ENTITY x SYSTEM \"" + canary.toUri() + "\">]><r>&x;</r>",
                "<!DOCTYPE r [<!ENTITY x SYSTEM \"http://127.0.0.1:" + listener.getLocalPort() + "/x\">]><r>&x;</r>",
                "<!DOCTYPE r SYSTEM \"http://127.0.0.1:" + listener.getLocalPort() + "/dtd\"><r/>",
                "<!DOCTYPE r [<!ENTITY % p SYSTEM \"http://127.0.0.1:" + listener.getLocalPort() + "/p\"> %p;]><r/>",
            };
            for (String attack : attacks) {
                assertThatThrownBy(() -> SecureXml.parse(attack))
                        .isInstanceOf(XmlParseException.class)
                        .hasMessageNotContaining("CANARY");
                assertThatThrownBy(() -> drain(
                                SecureXml.streamReader(attack.getBytes(StandardCharsets.UTF_8), XmlLimits.DEFAULT)))
                        .satisfiesAnyOf(
                                e -> assertThat(e).isInstanceOf(Exception.class).hasMessageNotContaining("CANARY"));
            }
            assertThatThrownBy(listener::accept)
                    .as("no connection may reach the canary port")
                    .isInstanceOf(SocketTimeoutException.class);
        }
    }

    @Test
    void billionLaughsIsRefusedAsADoctype() {
        StringBuilder sb = new StringBuilder("<!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        for (int i = 1; i <= 9; i++) {
            sb.append("<!ENTITY lol").append(i).append(" \"");
            for (int j = 0; j < 10; j++) {
                sb.append("&lol").append(i == 1 ? "" : String.valueOf(i - 1)).append(';');
            }
            sb.append("\">");
        }
        sb.append("]><lolz>&lol9;</lolz>");
        assertThatThrownBy(() -> SecureXml.parse(sb.toString()))
                .isInstanceOf(XmlParseException.class)
                .hasMessageContaining("DOCTYPE");
    }

    @Test
    void deepNestingIsRefused() {
        String deep = "<a>".repeat(10_000) + "</a>".repeat(10_000);
        assertThatThrownBy(() -> SecureXml.parse(deep))
                .isInstanceOf(XmlParseException.class)
                .hasMessageContaining("maxElementDepth");
        String ok = "<a>".repeat(500) + "</a>".repeat(500);
        org.assertj.core.api.Assertions.assertThatCode(() -> SecureXml.parse(ok))
                .doesNotThrowAnyException();
        assertThatThrownBy(
                        () -> drain(SecureXml.streamReader(deep.getBytes(StandardCharsets.UTF_8), XmlLimits.DEFAULT)))
                .isInstanceOf(Exception.class);
    }

    @Test
    void hugeAttributeCountIsRefused() {
        StringBuilder sb = new StringBuilder("<a");
        for (int i = 0; i < 100_000; i++) {
            sb.append(" a").append(i).append("=\"1\"");
        }
        sb.append("/>");
        assertThatThrownBy(() -> SecureXml.parse(sb.toString()))
                .isInstanceOf(XmlParseException.class)
                .hasMessageContaining("\"1,000\" attributes");
    }

    @Test
    void oversizedDocumentIsRefusedBeforeParsing() {
        byte[] big = new byte[2048];
        assertThatThrownBy(() -> SecureXml.parse(big, new XmlLimits(1024, 10, 10, 10)))
                .isInstanceOf(XmlParseException.class)
                .hasMessageContaining("exceeds the 1024-byte cap");
    }

    private static void drain(XMLStreamReader r) throws Exception {
        while (r.hasNext()) {
            r.next();
        }
    }
}
