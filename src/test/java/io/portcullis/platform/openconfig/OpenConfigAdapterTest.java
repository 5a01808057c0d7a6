package io.portcullis.platform.openconfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portcullis.intent.Action;
import io.portcullis.intent.AddressFamily;
import io.portcullis.intent.AttachKind;
import io.portcullis.intent.Binding;
import io.portcullis.intent.Direction;
import io.portcullis.intent.Filter;
import io.portcullis.intent.FilterIntent;
import io.portcullis.intent.PortRange;
import io.portcullis.intent.Protocol;
import io.portcullis.intent.Term;
import io.portcullis.platform.AdapterContract;
import io.portcullis.platform.IrVariants;
import io.portcullis.platform.PlatformAdapter;
import io.portcullis.platform.ReadException;
import io.portcullis.platform.ReadResult;
import io.portcullis.platform.UnsupportedFeatureException;
import io.portcullis.testing.RandomIntents;
import io.portcullis.testing.Yanglint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpenConfigAdapterTest extends AdapterContract {
    private final OpenConfigAdapter adapter = new OpenConfigAdapter();

    @Override
    protected PlatformAdapter adapter() {
        return adapter;
    }

    @Override
    protected Yanglint.Model model() {
        return Yanglint.Model.OPENCONFIG;
    }

    @Override
    protected List<String> interfaces() {
        return List.of("Bundle-Ether1.100", "ge-0/0/2");
    }

    @Override
    protected String[] context(FilterIntent intent) {
        List<Map.Entry<String, Long>> refs = new ArrayList<>();
        for (Binding b : intent.bindings()) {
            var v = OpenConfigRenderer.interfaceView(b.point());
            refs.add(new java.util.AbstractMap.SimpleEntry<>(
                    v.iface(), v.subinterface() == null ? null : Long.parseLong(v.subinterface())));
        }
        return new String[] {Yanglint.openconfigInterfaces(refs)};
    }

    @Override
    protected List<IrVariants.Feature> variantFeatures() {
        return List.of(IrVariants.Feature.REJECT, IrVariants.Feature.LOG, IrVariants.Feature.NO_DESCRIPTION);
    }

    @Override
    protected RandomIntents.Options randomOptions() {
        return RandomIntents.forFacts(adapter.facts(), List.of("Bundle-Ether1.100", "et-0/0/1"), List.of("PPPOE"));
    }

    @Override
    protected String[] breakPayload() {
        return new String[] {"<destination-port>161</destination-port>", "<destination-port>70000</destination-port>"};
    }

    private static final String NS = "xmlns:nc=\"urn:ietf:params:xml:ns:netconf:base:1.0\"";

    /** A get-config reply as a device might send it: other prefixes, config-only keys, state, foreign sets. */
    private static final String DEVICE_REPLY = """
            <rpc-reply xmlns="urn:ietf:params:xml:ns:netconf:base:1.0" message-id="1"><data>
             <oc:acl xmlns:oc="http://openconfig.net/yang/acl" xmlns:pm="http://openconfig.net/yang/packet-match-types">
              <oc:acl-sets>
               <oc:acl-set><oc:name>CUSTOMER-FILTER</oc:name><oc:type>oc:ACL_IPV4</oc:type>
                <oc:config><oc:name>CUSTOMER-FILTER</oc:name><oc:type>oc:ACL_IPV4</oc:type></oc:config></oc:acl-set>
               <oc:acl-set><oc:config><oc:name>PORTCULLIS-X-V4</oc:name><oc:type>oc:ACL_IPV4</oc:type></oc:config>
                <oc:name>PORTCULLIS-X-V4</oc:name><oc:type>oc:ACL_IPV4</oc:type>
                <oc:acl-entries>
                 <oc:acl-entry><oc:config><oc:sequence-id>1000</oc:sequence-id><oc:description>name=accept-rest</oc:description></oc:config>
                  <oc:actions><oc:config><oc:forwarding-action>oc:ACCEPT</oc:forwarding-action><oc:log-action>oc:LOG_NONE</oc:log-action></oc:config></oc:actions>
                  <oc:state><oc:matched-packets>12345</oc:matched-packets></oc:state></oc:acl-entry>
                 <oc:acl-entry><oc:sequence-id>10</oc:sequence-id>
                  <oc:ipv4><oc:config><oc:protocol>pm:IP_UDP</oc:protocol></oc:config></oc:ipv4>
                  <oc:transport><oc:config><oc:destination-port>161</oc:destination-port></oc:config></oc:transport>
                  <oc:actions><oc:config><oc:forwarding-action>oc:DROP</oc:forwarding-action></oc:config></oc:actions></oc:acl-entry>
                 <oc:acl-entry><oc:sequence-id>20</oc:sequence-id>
                  <oc:ipv4><oc:config><oc:protocol>6</oc:protocol></oc:config></oc:ipv4>
                  <oc:transport><oc:config><oc:source-port>25</oc:source-port></oc:config></oc:transport>
                  <oc:actions><oc:config><oc:forwarding-action>DROP</oc:forwarding-action></oc:config></oc:actions></oc:acl-entry>
                </oc:acl-entries></oc:acl-set>
              </oc:acl-sets>
              <oc:interfaces><oc:interface><oc:config><oc:id>Bundle-Ether1.100</oc:id></oc:config><oc:id>Bundle-Ether1.100</oc:id>
               <oc:egress-acl-sets>
                <oc:egress-acl-set><oc:set-name>CUSTOMER-FILTER</oc:set-name><oc:type>oc:ACL_IPV4</oc:type></oc:egress-acl-set>
                <oc:egress-acl-set><oc:config><oc:set-name>PORTCULLIS-X-V4</oc:set-name><oc:type>oc:ACL_IPV4</oc:type></oc:config></oc:egress-acl-set>
               </oc:egress-acl-sets></oc:interface></oc:interfaces>
             </oc:acl>
             <interfaces xmlns="http://openconfig.net/yang/interfaces"><interface><name>Bundle-Ether1</name></interface></interfaces>
            </data></rpc-reply>""";

    @Test
    void readsATolerantDeviceReplyInSequenceOrderAndReportsForeignBindings() {
        ReadResult r = adapter.read("bng-1", DEVICE_REPLY);
        Filter f = r.intent().filters().get(0);
        assertThat(r.intent().filters()).hasSize(1);
        assertThat(f.name()).isEqualTo("PORTCULLIS-X-V4");
        assertThat(f.terms()).extracting(Term::sequence).containsExactly(10, 20, 1000);
        assertThat(f.terms().get(0).match().protocol()).isEqualTo(Protocol.UDP);
        assertThat(f.terms().get(0).match().destinationPorts()).containsExactly(PortRange.single(161));
        // a source-port entry is read as such, so the verifier can show it is wrong
        assertThat(f.terms().get(1).match().sourcePorts()).containsExactly(PortRange.single(25));
        assertThat(f.terms().get(1).match().destinationPorts()).isEmpty();
        assertThat(f.terms().get(2).isFinalAcceptAll()).isTrue();
        assertThat(f.terms().get(2).name()).isEqualTo("accept-rest");
        assertThat(f.terms().get(2).log()).isFalse();
        assertThat(f.defaultAction()).isEqualTo(Action.DISCARD);
        assertThat(r.intent().bindings())
                .containsExactly(new Binding(
                        AttachKind.INTERFACE,
                        "Bundle-Ether1.100",
                        AddressFamily.IPV4,
                        Direction.TO_SUBSCRIBER,
                        "PORTCULLIS-X-V4"));
        assertThat(r.foreignBindings())
                .containsExactly(new Binding(
                        AttachKind.INTERFACE,
                        "Bundle-Ether1.100",
                        AddressFamily.IPV4,
                        Direction.TO_SUBSCRIBER,
                        "CUSTOMER-FILTER"));
    }

    @Test
    void anIdentityPrefixBoundToTheWrongNamespaceIsRefused() {
        String wrong = DEVICE_REPLY.replace(
                "xmlns:pm=\"http://openconfig.net/yang/packet-match-types\"", "xmlns:pm=\"urn:example:other\"");
        assertThatThrownBy(() -> adapter.read("bng-1", wrong))
                .isInstanceOf(ReadException.class)
                .hasMessageContaining("urn:example:other");
    }

    @Test
    void anUndeclaredIdentityPrefixIsRefusedNotReadAsAny() {
        String undeclared = DEVICE_REPLY.replace(" xmlns:pm=\"http://openconfig.net/yang/packet-match-types\"", "");
        assertThatThrownBy(() -> adapter.read("bng-1", undeclared))
                .isInstanceOf(ReadException.class)
                .hasMessageContaining("pm:IP_UDP")
                .hasMessageContaining("not declared");
    }

    @Test
    void mutantsReadBackAsWhatTheDeviceHolds() {
        FilterIntent ir = defaultIntent(false);
        String payload = adapter.renderConfig(ir);
        // the final accept removed on the device: the read IR has no match-all accept any more
        String noAccept = payload.replaceAll("(?s)<acl-entry>\\s*<sequence-id>65000</sequence-id>.*?</acl-entry>", "");
        Filter f = adapter.read("d", noAccept).intent().filters().get(0);
        assertThat(f.terms()).noneMatch(Term::isFinalAcceptAll);
        // port 2525 dropped
        String no2525 = payload.replaceAll("(?s)<acl-entry>\\s*<sequence-id>23</sequence-id>.*?</acl-entry>", "");
        Term smtp = adapter.read("d", no2525).intent().filters().get(0).terms().get(1);
        assertThat(smtp.match().destinationPorts())
                .containsExactly(PortRange.single(25), PortRange.single(465), PortRange.single(587));
        // wrong protocol
        String udp = payload.replaceFirst("IP_TCP", "IP_UDP");
        assertThat(adapter.read("d", udp).intent().filters().get(0).terms().stream()
                        .map(t -> t.match().protocol()))
                .contains(Protocol.UDP);
        assertThat(adapter.read("d", udp).intent()).isNotEqualTo(ir);
    }

    @Test
    void subscriberProfilesAreUnsupportedAndSaySo() {
        FilterIntent ir = defaultIntent(false);
        List<Binding> withProfile = new ArrayList<>(ir.bindings());
        withProfile.add(new Binding(
                AttachKind.PROFILE,
                "PPPOE-SUB",
                AddressFamily.IPV4,
                Direction.TO_SUBSCRIBER,
                "PORTCULLIS-SUBPROTECT-V4"));
        FilterIntent bad = new FilterIntent(ir.device(), ir.platform(), ir.filters(), withProfile);
        assertThatThrownBy(() -> adapter.renderConfig(bad))
                .isInstanceOfSatisfying(UnsupportedFeatureException.class, e -> {
                    assertThat(e.platform()).isEqualTo("openconfig");
                    assertThat(e.feature()).contains("subscriber-profile").contains("PPPOE-SUB");
                });
    }

    @Test
    void eitherPortMatchIsUnsupportedNamingTheTerm() {
        FilterIntent ir = defaultIntent(false);
        Filter f = ir.filters().get(0);
        List<Term> terms = new ArrayList<>(f.terms());
        Term t = terms.get(0);
        terms.set(
                0,
                new Term(
                        t.name(),
                        t.sequence(),
                        new io.portcullis.intent.Match(
                                Protocol.UDP,
                                List.of(),
                                List.of(),
                                List.of(PortRange.single(161)),
                                List.of(),
                                List.of()),
                        t.action(),
                        t.counter(),
                        t.log(),
                        t.description()));
        FilterIntent bad = new FilterIntent(
                ir.device(),
                ir.platform(),
                List.of(new Filter(f.name(), f.family(), terms, f.defaultAction(), f.description())),
                List.of());
        assertThatThrownBy(() -> adapter.renderConfig(bad))
                .isInstanceOfSatisfying(UnsupportedFeatureException.class, e -> {
                    assertThat(e.term()).isEqualTo("deny-snmp");
                    assertThat(e.platform()).isEqualTo("openconfig");
                    assertThat(e.feature()).contains("source-or-destination");
                });
    }

    @Test
    void editPayloadReplacesOwnedSetsAndMergesBindings() {
        String payload = adapter.renderConfig(defaultIntent(false));
        assertThat(payload).contains("<acl-set nc:operation=\"replace\">").contains(NS);
        assertThat(payload).doesNotContain("<interface nc:operation").doesNotContain("<acl nc:operation");
        assertThat(payload).contains("<type>oc-acl:ACL_IPV4</type>").contains("oc-pkt-match-types:IP_TCP");
    }
}
