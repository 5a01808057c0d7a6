package io.portcullis.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import io.portcullis.counters.CounterRead;
import io.portcullis.counters.CounterReader;
import io.portcullis.counters.TermCount;
import io.portcullis.intent.Action;
import io.portcullis.intent.FilterIntent;
import io.portcullis.platform.registry.CounterReaders;
import io.portcullis.testing.DefaultPolicyIntents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Malformed or missing counter data gives "counters unavailable (reason)" or a term without numbers, never an
 * exception; and the fallback paths the lab does not serve (OpenConfig acl-set level, RFC 8519 interface-stats,
 * Junos per-subscriber instances) are read from hand-written replies.
 */
class CounterReadersMalformedTest {
    private static final String RPC_REPLY =
            "<rpc-reply xmlns=\"urn:ietf:params:xml:ns:netconf:base:1.0\" message-id=\"1\">";

    private static FilterIntent intent(String platform) {
        return DefaultPolicyIntents.forPlatform(platform, Action.DISCARD);
    }

    private static CounterRead parse(String platform, String reply) {
        CounterReader r = CounterReaders.find(platform).orElseThrow();
        return r.parse(intent(platform), reply);
    }

    @ParameterizedTest
    @ValueSource(strings = {"junos", "iosxr", "sros", "vrp", "openconfig", "ietf"})
    void brokenRepliesAreUnavailableWithAReason(String platform) {
        assertThat(parse(platform, "").unavailable()).isEqualTo("the router sent an empty reply");
        assertThat(parse(platform, "<rpc-reply><data>").unavailable()).isEqualTo("the reply is not well-formed XML");
        assertThat(parse(platform, "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>")
                        .available())
                .isFalse();
        CounterRead empty = parse(platform, RPC_REPLY + "<data/></rpc-reply>");
        assertThat(empty.available()).isFalse();
        assertThat(empty.unavailable()).isNotBlank();
    }

    @Test
    void aCounterThatIsNotANumberNamesTheLeaf() {
        String reply = RPC_REPLY + "<data><state xmlns=\"urn:nokia.com:sros:ns:yang:sr:state\"><filter><ip-filter>"
                + "<filter-name>PORTCULLIS-SUBPROTECT-V4</filter-name><entry><entry-id>10</entry-id><statistics>"
                + "<egress-hit-pkt>lots</egress-hit-pkt></statistics></entry></ip-filter></filter></state></data></rpc-reply>";
        assertThat(parse("sros", reply).unavailable())
                .isEqualTo(
                        "egress-hit-pkt of ip-filter PORTCULLIS-SUBPROTECT-V4 entry 10 is not a counter value (lots)");
        String negative = reply.replace("lots", "-5");
        assertThat(parse("sros", negative).unavailable()).contains("is not a counter value (-5)");
        String badKey = RPC_REPLY
                + "<data><ipv4-acl-and-prefix-list xmlns=\"http://cisco.com/ns/yang/Cisco-IOS-XR-ipv4-acl-oper\">"
                + "<access-list-manager><accesses><access><access-list-name>PORTCULLIS-SUBPROTECT-V4</access-list-name><access-list-sequences>"
                + "<access-list-sequence><sequence-number>ten</sequence-number><hits>4</hits></access-list-sequence>"
                + "</access-list-sequences></access></accesses></access-list-manager></ipv4-acl-and-prefix-list></data></rpc-reply>";
        assertThat(parse("iosxr", badKey).unavailable())
                .contains("sequence-number")
                .contains("not a number");
    }

    @Test
    void aMissingEntryLeavesItsTermWithoutNumbersAndSaysWhy() {
        String reply = RPC_REPLY + "<data><state xmlns=\"urn:nokia.com:sros:ns:yang:sr:state\"><filter><ip-filter>"
                + "<filter-name>PORTCULLIS-SUBPROTECT-V4</filter-name><entry><entry-id>20</entry-id><statistics>"
                + "<egress-hit-pkt>7</egress-hit-pkt><egress-hit-byte>420</egress-hit-byte></statistics></entry></ip-filter></filter></state></data></rpc-reply>";
        CounterRead r = parse("sros", reply);
        assertThat(r.available()).isTrue();
        TermCount smtp = term(r, "PORTCULLIS-SUBPROTECT-V4", "deny-smtp");
        assertThat(smtp.packets()).isEqualTo(7);
        assertThat(smtp.bytes()).isEqualTo(420);
        TermCount snmp = term(r, "PORTCULLIS-SUBPROTECT-V4", "deny-snmp");
        assertThat(snmp.packets()).isNull();
        assertThat(snmp.note()).isEqualTo("no statistics for this entry in the reply");
    }

    @Test
    void openConfigFallsBackToTheAclSetLevelAndSumsATermsEntries() {
        String reply = RPC_REPLY
                + "<data><acl xmlns=\"http://openconfig.net/yang/acl\"><acl-sets><acl-set><name>PORTCULLIS-SUBPROTECT-V4</name>"
                + "<type>ACL_IPV4</type><acl-entries>"
                + entry(20, 5) + entry(21, 6) + entry(23, 1) + entry(65000, 100)
                + "</acl-entries></acl-set></acl-sets></acl></data></rpc-reply>";
        CounterRead r = parse("openconfig", reply);
        assertThat(term(r, "PORTCULLIS-SUBPROTECT-V4", "deny-smtp").packets()).isEqualTo(12);
        assertThat(term(r, "PORTCULLIS-SUBPROTECT-V4", "accept-rest").packets()).isEqualTo(100);
        assertThat(r.aggregation()).contains("acl-set level");
    }

    @Test
    void ietfSumsInterfaceStatisticsWhenThereAreNoAggregateOnes() {
        String set =
                "<acl-set><name>PORTCULLIS-SUBPROTECT-V4</name><ace-statistics><name>deny-smtp#2</name><matched-packets>3</matched-packets>"
                        + "<matched-octets>180</matched-octets></ace-statistics><ace-statistics><name>deny-smtp</name><matched-packets>4</matched-packets>"
                        + "<matched-octets>240</matched-octets></ace-statistics></acl-set>";
        String reply = RPC_REPLY
                + "<data><acls xmlns=\"urn:ietf:params:xml:ns:yang:ietf-access-control-list\"><attachment-points>"
                + "<interface><interface-id>eth1.100</interface-id><egress><acl-sets>" + set
                + "</acl-sets></egress></interface>"
                + "<interface><interface-id>eth1.101</interface-id><egress><acl-sets>" + set
                + "</acl-sets></egress></interface>"
                + "</attachment-points></acls></data></rpc-reply>";
        CounterRead r = parse("ietf", reply);
        assertThat(term(r, "PORTCULLIS-SUBPROTECT-V4", "deny-smtp").packets()).isEqualTo(14);
        assertThat(term(r, "PORTCULLIS-SUBPROTECT-V4", "deny-smtp").bytes()).isEqualTo(840);
        assertThat(r.aggregation()).contains("over 2 interfaces");
    }

    @Test
    void junosSumsSubscriberInstancesAndIgnoresForeignFilters() {
        String reply = RPC_REPLY + "<firewall-information xmlns=\"http://xml.juniper.net/junos/23.2R1/junos-filter\">"
                + info("PORTCULLIS-SUBPROTECT-V4-pp0.3221225473-out", 2)
                + info("PORTCULLIS-SUBPROTECT-V4-pp0.3221225474-out", 5)
                + info("PORTCULLIS-SUBPROTECT-V4-EXTRA", 1000) + info("FOREIGN-MGMT", 1000)
                + "</firewall-information></rpc-reply>";
        CounterRead r = parse("junos", reply);
        assertThat(term(r, "PORTCULLIS-SUBPROTECT-V4", "deny-smtp").packets()).isEqualTo(7);
        assertThat(term(r, "PORTCULLIS-SUBPROTECT-V4", "accept-rest").packets()).isNull();
        assertThat(r.aggregation()).contains("summed over 2 filter instances");
        assertThat(parse("junos", RPC_REPLY + "<ok/></rpc-reply>").unavailable())
                .isEqualTo("the reply has no firewall-information");
    }

    private static String info(String filter, long packets) {
        return "<filter-information><filter-name>" + filter
                + "</filter-name><counter><counter-name>portcullis-smtp-v4</counter-name>" + "<packet-count>" + packets
                + "</packet-count><byte-count>" + packets * 60 + "</byte-count></counter></filter-information>";
    }

    private static String entry(int seq, long packets) {
        return "<acl-entry><sequence-id>" + seq + "</sequence-id><state><sequence-id>" + seq
                + "</sequence-id><matched-packets>" + packets + "</matched-packets></state></acl-entry>";
    }

    private static TermCount term(CounterRead r, String filter, String term) {
        return r.terms().stream()
                .filter(t -> t.filter().equals(filter) && t.term().equals(term))
                .findFirst()
                .orElseThrow();
    }
}
