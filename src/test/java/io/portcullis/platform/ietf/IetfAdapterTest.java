package io.portcullis.platform.ietf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portcullis.intent.Action;
import io.portcullis.intent.AddressFamily;
import io.portcullis.intent.AttachKind;
import io.portcullis.intent.Binding;
import io.portcullis.intent.Direction;
import io.portcullis.intent.Filter;
import io.portcullis.intent.FilterIntent;
import io.portcullis.intent.IpPrefix;
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
import org.junit.jupiter.api.Test;

class IetfAdapterTest extends AdapterContract {
    private final IetfAdapter adapter = new IetfAdapter();

    @Override
    protected PlatformAdapter adapter() {
        return adapter;
    }

    @Override
    protected Yanglint.Model model() {
        return Yanglint.Model.IETF;
    }

    @Override
    protected List<String> interfaces() {
        return List.of("ge-0/0/1.100", "ge-0/0/2.200");
    }

    @Override
    protected String[] context(FilterIntent intent) {
        return new String[] {
            Yanglint.ietfInterfaces(
                    intent.bindings().stream().map(Binding::point).toList())
        };
    }

    @Override
    protected List<IrVariants.Feature> variantFeatures() {
        return List.of(IrVariants.Feature.REJECT, IrVariants.Feature.LOG, IrVariants.Feature.NO_DESCRIPTION);
    }

    @Override
    protected RandomIntents.Options randomOptions() {
        return RandomIntents.forFacts(adapter.facts(), List.of("ge-0/0/1.100", "xe-1/1/1"), List.of("PPPOE"));
    }

    @Override
    protected String[] breakPayload() {
        return new String[] {"<port>161</port>", "<port>70000</port>"};
    }

    private static final String DEVICE_REPLY = """
            <data xmlns="urn:ietf:params:xml:ns:netconf:base:1.0">
             <a:acls xmlns:a="urn:ietf:params:xml:ns:yang:ietf-access-control-list">
              <a:acl><a:name>CUSTOMER</a:name><a:type>a:ipv6-acl-type</a:type></a:acl>
              <a:acl><a:name>PORTCULLIS-X-V6</a:name><a:type>a:ipv6-acl-type</a:type>
               <a:aces>
                <a:ace><a:name>deny-snmp</a:name>
                 <a:matches><a:udp><a:destination-port><a:port>161</a:port></a:destination-port></a:udp></a:matches>
                 <a:actions><a:forwarding>a:drop</a:forwarding><a:logging>a:log-none</a:logging></a:actions>
                 <a:statistics><a:matched-packets>7</a:matched-packets></a:statistics></a:ace>
                <a:ace><a:name>deny-smtp</a:name>
                 <a:matches><a:ipv6><a:protocol>6</a:protocol></a:ipv6>
                  <a:tcp><a:source-port><a:operator>eq</a:operator><a:port>25</a:port></a:source-port></a:tcp></a:matches>
                 <a:actions><a:forwarding>a:drop</a:forwarding></a:actions></a:ace>
                <a:ace><a:name>deny-high</a:name>
                 <a:matches><a:ipv6><a:protocol>17</a:protocol></a:ipv6>
                  <a:udp><a:destination-port><a:operator>gte</a:operator><a:port>60000</a:port></a:destination-port></a:udp></a:matches>
                 <a:actions><a:forwarding>a:drop</a:forwarding></a:actions></a:ace>
               </a:aces></a:acl>
              <a:attachment-points><a:interface><a:interface-id>ge-0/0/1.100</a:interface-id>
               <a:egress><a:acl-sets><a:acl-set><a:name>CUSTOMER</a:name></a:acl-set><a:acl-set><a:name>PORTCULLIS-X-V6</a:name></a:acl-set></a:acl-sets></a:egress>
              </a:interface></a:attachment-points>
             </a:acls>
            </data>""";

    @Test
    void readsATolerantDeviceReply() {
        ReadResult r = adapter.read("bng-1", DEVICE_REPLY);
        assertThat(r.intent().filters()).hasSize(1);
        Filter f = r.intent().filters().get(0);
        assertThat(f.family()).isEqualTo(AddressFamily.IPV6);
        assertThat(f.defaultAction()).isEqualTo(Action.DISCARD);
        // operator absent = eq, protocol implied by the udp container
        assertThat(f.terms().get(0).match().protocol()).isEqualTo(Protocol.UDP);
        assertThat(f.terms().get(0).match().destinationPorts()).containsExactly(PortRange.single(161));
        assertThat(f.terms().get(1).match().sourcePorts()).containsExactly(PortRange.single(25));
        assertThat(f.terms().get(2).match().destinationPorts()).containsExactly(new PortRange(60000, 65535));
        // no final accept on the device: the read IR has none, so the verifier sees the implicit DISCARD
        assertThat(f.terms()).noneMatch(Term::isFinalAcceptAll);
        assertThat(r.intent().bindings())
                .containsExactly(new Binding(
                        AttachKind.INTERFACE,
                        "ge-0/0/1.100",
                        AddressFamily.IPV6,
                        Direction.TO_SUBSCRIBER,
                        "PORTCULLIS-X-V6"));
        assertThat(r.foreignBindings())
                .containsExactly(new Binding(
                        AttachKind.INTERFACE, "ge-0/0/1.100", AddressFamily.IPV6, Direction.TO_SUBSCRIBER, "CUSTOMER"));
    }

    @Test
    void wrongNamespaceIdentityIsRefused() {
        String wrong = DEVICE_REPLY.replace(
                "<a:forwarding>a:drop</a:forwarding><a:logging>",
                "<a:forwarding xmlns:z=\"urn:example:z\">z:drop</a:forwarding><a:logging>");
        assertThatThrownBy(() -> adapter.read("bng-1", wrong))
                .isInstanceOf(ReadException.class)
                .hasMessageContaining("urn:example:z");
    }

    @Test
    void anUndeclaredIdentityPrefixIsRefused() {
        String undeclared = DEVICE_REPLY.replace(
                "<a:forwarding>a:drop</a:forwarding><a:logging>", "<a:forwarding>q:drop</a:forwarding><a:logging>");
        assertThatThrownBy(() -> adapter.read("bng-1", undeclared))
                .isInstanceOf(ReadException.class)
                .hasMessageContaining("'q'");
    }

    @Test
    void normalizeDropsOnlyAnnotations() {
        FilterIntent ir = defaultIntent(true);
        FilterIntent n = adapter.normalize(ir);
        for (int f = 0; f < ir.filters().size(); f++) {
            List<Term> a = ir.filters().get(f).terms();
            List<Term> b = n.filters().get(f).terms();
            assertThat(b).hasSameSizeAs(a);
            for (int i = 0; i < a.size(); i++) {
                assertThat(b.get(i).match()).isEqualTo(a.get(i).match());
                assertThat(b.get(i).action()).isEqualTo(a.get(i).action());
                assertThat(b.get(i).name()).isEqualTo(a.get(i).name());
            }
        }
        assertThat(n.bindings()).isEqualTo(ir.bindings());
    }

    @Test
    void splitTermsAndMutantsReadBackFaithfully() {
        FilterIntent ir = defaultIntent(true);
        String payload = adapter.renderConfig(ir);
        assertThat(payload)
                .contains("<name>deny-smtp#4</name>")
                .contains("<destination-ipv4-network>198.51.100.0/24</destination-ipv4-network>");
        String no2525 = payload.replaceFirst("(?s)<ace>\\s*<name>deny-smtp#4</name>.*?</ace>", "");
        Term smtp = adapter.read("d", no2525).intent().filters().get(0).terms().get(2);
        assertThat(smtp.match().destinationPorts())
                .containsExactly(PortRange.single(25), PortRange.single(465), PortRange.single(587));
        assertThat(adapter.read("d", no2525).intent()).isNotEqualTo(adapter.normalize(ir));
    }

    @Test
    void profilesAndForeignFamiliesAreUnsupported() {
        FilterIntent ir = defaultIntent(false);
        List<Binding> b = new ArrayList<>(ir.bindings());
        b.add(new Binding(
                AttachKind.PROFILE, "RES", AddressFamily.IPV6, Direction.TO_SUBSCRIBER, "PORTCULLIS-SUBPROTECT-V6"));
        assertThatThrownBy(() -> adapter.renderConfig(new FilterIntent(ir.device(), ir.platform(), ir.filters(), b)))
                .isInstanceOfSatisfying(UnsupportedFeatureException.class, e -> {
                    assertThat(e.platform()).isEqualTo("ietf");
                    assertThat(e.feature()).contains("subscriber-profile");
                });
        Filter v4 = ir.filters().get(0);
        List<Term> terms = new ArrayList<>(v4.terms());
        Term t = terms.get(0);
        terms.set(
                0,
                new Term(
                        t.name(),
                        t.sequence(),
                        t.match().withDestinationPrefixes(List.of(IpPrefix.parse("2001:db8::/32"))),
                        t.action(),
                        t.counter(),
                        t.log(),
                        t.description()));
        FilterIntent mixed = new FilterIntent(
                ir.device(),
                ir.platform(),
                List.of(new Filter(v4.name(), v4.family(), terms, v4.defaultAction(), v4.description())),
                List.of());
        assertThatThrownBy(() -> adapter.renderConfig(mixed))
                .isInstanceOfSatisfying(UnsupportedFeatureException.class, e -> assertThat(e.term())
                        .isEqualTo("deny-snmp"));
    }
}
