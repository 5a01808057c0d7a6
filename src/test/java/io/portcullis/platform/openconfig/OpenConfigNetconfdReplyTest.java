package io.portcullis.platform.openconfig;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.intent.Filter;
import io.portcullis.intent.FilterIntent;
import io.portcullis.intent.Protocol;
import io.portcullis.intent.Term;
import io.portcullis.testing.NetconfdServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A get-config reply captured from the real server (yuma123 netconfd, scripts/netconfd-lab.sh) after pushing the
 * shared OpenConfig example: netconfd writes {@code <protocol>oc-pkt-match-types:IP_UDP</protocol>} without
 * declaring the prefix. The reader must still see UDP/TCP, not "any".
 */
class OpenConfigNetconfdReplyTest {

    private static String resource(String name) throws IOException {
        try (InputStream in = OpenConfigNetconfdReplyTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void undeclaredPacketMatchTypesPrefixFromNetconfdStillGivesTheProtocol() throws IOException {
        String reply = resource("/netconfd/openconfig-get-config-reply.xml");
        assertThat(reply)
                .contains("<protocol>oc-pkt-match-types:IP_UDP</protocol>")
                .doesNotContain("xmlns:oc-pkt-match-types");

        FilterIntent ir = OpenConfigReader.read("netconfd", reply).intent();

        assertThat(ir.filters()).extracting(Filter::name).containsExactly("PORTCULLIS-SUB-V4", "PORTCULLIS-SUB-V6");
        for (Filter f : ir.filters()) {
            assertThat(f.terms())
                    .extracting(t -> t.match().protocol())
                    .containsExactly(
                            Protocol.UDP, Protocol.TCP, Protocol.TCP, Protocol.TCP, Protocol.TCP, Protocol.ANY);
        }
    }

    @Test
    void netconfdReplyReadsAsTheSameIntentAsThePushedPayload() throws IOException {
        String pushed = NetconfdServer.openConfigPayload("PORTCULLIS-SUB");
        FilterIntent sent = OpenConfigReader.read("netconfd", pushed).intent();
        FilterIntent back = OpenConfigReader.read("netconfd", resource("/netconfd/openconfig-get-config-reply.xml"))
                .intent();
        assertThat(back).isEqualTo(sent);
        assertThat(sent.bindings()).isNotEmpty();
        assertThat(sent.filters().get(0).terms()).extracting(Term::sequence).contains(10);
    }

    @Test
    void declaredPrefixesAreLeftAlone() {
        String declared = "<data xmlns:oc-pkt-match-types=\"urn:other\"><x>oc-pkt-match-types:IP_UDP</x></data>";
        assertThat(OpenConfigReader.bindPacketMatchTypesPrefix(declared)).isEqualTo(declared);
        String undeclared = "<?xml version=\"1.0\"?><!-- c --><data a=\"x>y\"><x>oc-pkt-match-types:IP_UDP</x></data>";
        assertThat(OpenConfigReader.bindPacketMatchTypesPrefix(undeclared))
                .isEqualTo("<?xml version=\"1.0\"?><!-- c --><data a=\"x>y\" xmlns:oc-pkt-match-types=\""
                        + OpenConfigFacts.NS_PACKET_MATCH_TYPES + "\"><x>oc-pkt-match-types:IP_UDP</x></data>");
        String unused = "<data><x>IP_UDP</x></data>";
        assertThat(OpenConfigReader.bindPacketMatchTypesPrefix(unused)).isSameAs(unused);
    }
}
