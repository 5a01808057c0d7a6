package io.portcullis.platform.vrp;

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

class VrpAdapterTest extends AdapterContract {
    private final VrpAdapter adapter = new VrpAdapter();

    @Override
    protected PlatformAdapter adapter() {
        return adapter;
    }

    @Override
    protected Yanglint.Model model() {
        return Yanglint.Model.HUAWEI;
    }

    @Override
    protected List<String> interfaces() {
        return List.of(); // bindings are not expressible on vrp (see VrpFacts)
    }

    @Override
    protected String[] context(FilterIntent intent) {
        return new String[0];
    }

    @Override
    protected List<IrVariants.Feature> variantFeatures() {
        return List.of(IrVariants.Feature.NO_DESCRIPTION, IrVariants.Feature.LOG);
    }

    @Override
    protected RandomIntents.Options randomOptions() {
        return RandomIntents.forFacts(adapter.facts(), List.of("GigabitEthernet0/1/0.100"), List.of("RES"));
    }

    @Override
    protected String[] breakPayload() {
        return new String[] {"<aclDestPortOp>eq</aclDestPortOp>", "<aclDestPortOp>equal</aclDestPortOp>"};
    }

    /** RandomIntents has no logging switch; huawei-acl IPv6 rules cannot log, so generated IPv6 terms are made non-logging. */
    @Override
    protected FilterIntent expressible(FilterIntent generated) {
        List<Filter> filters = new ArrayList<>();
        for (Filter f : generated.filters()) {
            if (f.family() == AddressFamily.IPV4) {
                filters.add(f);
                continue;
            }
            List<Term> terms = f.terms().stream()
                    .map(t -> new Term(
                            t.name(), t.sequence(), t.match(), t.action(), t.counter(), false, t.description()))
                    .toList();
            filters.add(new Filter(f.name(), f.family(), terms, f.defaultAction(), f.description()));
        }
        return new FilterIntent(generated.device(), generated.platform(), filters, generated.bindings());
    }

    @Test
    void ipv6LoggingIsUnsupported() {
        FilterIntent ir = defaultIntent(false);
        Filter v6 = ir.filters().get(1);
        List<Term> terms = new ArrayList<>(v6.terms());
        Term t = terms.get(0);
        terms.set(0, new Term(t.name(), t.sequence(), t.match(), t.action(), t.counter(), true, t.description()));
        FilterIntent logging = new FilterIntent(
                ir.device(),
                ir.platform(),
                List.of(new Filter(v6.name(), v6.family(), terms, v6.defaultAction(), v6.description())),
                List.of());
        assertThatThrownBy(() -> adapter.renderConfig(logging))
                .isInstanceOfSatisfying(UnsupportedFeatureException.class, e -> assertThat(e.feature())
                        .contains("logging in an IPv6 rule"));
    }

    private static final String DEVICE_REPLY = """
            <rpc-reply xmlns="urn:ietf:params:xml:ns:netconf:base:1.0" message-id="9"><data>
             <hw:acl xmlns:hw="http://www.huawei.com/netconf/vrp/huawei-acl">
              <hw:aclGroups>
               <hw:aclGroup><hw:aclNumOrName>3999</hw:aclNumOrName><hw:aclType>Advance</hw:aclType><hw:aclNumber>3999</hw:aclNumber></hw:aclGroup>
               <hw:aclGroup><hw:aclNumOrName>PORTCULLIS-X-V4</hw:aclNumOrName><hw:aclType>Advance</hw:aclType><hw:aclNumber>3001</hw:aclNumber><hw:aclStep>5</hw:aclStep>
                <hw:aclRuleAdv4s>
                 <hw:aclRuleAdv4><hw:aclRuleName>accept-rest</hw:aclRuleName><hw:aclRuleID>65000</hw:aclRuleID><hw:aclAction>permit</hw:aclAction>
                  <hw:aclActiveStatus>active</hw:aclActiveStatus><hw:aclProtocol>0</hw:aclProtocol><hw:aclSourceIp>0.0.0.0</hw:aclSourceIp>
                  <hw:aclSrcWild>255.255.255.255</hw:aclSrcWild><hw:aclDestIp>0.0.0.0</hw:aclDestIp><hw:aclDestWild>255.255.255.255</hw:aclDestWild>
                  <hw:aclLogFlag>false</hw:aclLogFlag><hw:aclRuleCnts><hw:aclRuleCnt><hw:matchCount>99</hw:matchCount></hw:aclRuleCnt></hw:aclRuleCnts></hw:aclRuleAdv4>
                 <hw:aclRuleAdv4><hw:aclRuleName>deny-snmp</hw:aclRuleName><hw:aclRuleID>10</hw:aclRuleID><hw:aclAction>deny</hw:aclAction>
                  <hw:aclProtocol>17</hw:aclProtocol><hw:aclDestPortOp>eq</hw:aclDestPortOp><hw:aclDestPortB>161</hw:aclDestPortB>
                  <hw:aclRuleDescription>counter=snmp-v4 | portcullis: block snmp</hw:aclRuleDescription></hw:aclRuleAdv4>
                 <hw:aclRuleAdv4><hw:aclRuleName>deny-smtp</hw:aclRuleName><hw:aclRuleID>20</hw:aclRuleID><hw:aclAction>deny</hw:aclAction>
                  <hw:aclProtocol>6</hw:aclProtocol><hw:aclSrcPortOp>eq</hw:aclSrcPortOp><hw:aclSrcPortBegin>25</hw:aclSrcPortBegin></hw:aclRuleAdv4>
                 <hw:aclRuleAdv4><hw:aclRuleName>deny-low</hw:aclRuleName><hw:aclRuleID>30</hw:aclRuleID><hw:aclAction>deny</hw:aclAction>
                  <hw:aclProtocol>17</hw:aclProtocol><hw:aclDestIp>10.1.0.0</hw:aclDestIp><hw:aclDestWild>0.0.255.255</hw:aclDestWild>
                  <hw:aclDestPortOp>lt</hw:aclDestPortOp><hw:aclDestPortE>1024</hw:aclDestPortE></hw:aclRuleAdv4>
                </hw:aclRuleAdv4s></hw:aclGroup>
              </hw:aclGroups>
             </hw:acl></data></rpc-reply>""";

    @Test
    void readsATolerantDeviceReplyByRuleId() {
        ReadResult r = adapter.read("bng-1", DEVICE_REPLY);
        assertThat(r.intent().filters()).hasSize(1);
        Filter f = r.intent().filters().get(0);
        assertThat(f.terms()).extracting(Term::sequence).containsExactly(10, 20, 30, 65000);
        assertThat(f.terms().get(0).counter()).isEqualTo("snmp-v4");
        assertThat(f.terms().get(0).description()).isEqualTo("portcullis: block snmp");
        assertThat(f.terms().get(1).match().sourcePorts()).containsExactly(PortRange.single(25));
        assertThat(f.terms().get(1).match().protocol()).isEqualTo(Protocol.TCP);
        assertThat(f.terms().get(2).match().destinationPorts()).containsExactly(new PortRange(0, 1023));
        assertThat(f.terms().get(2).match().destinationPrefixes()).containsExactly(IpPrefix.parse("10.1.0.0/16"));
        assertThat(f.terms().get(3).isFinalAcceptAll()).isTrue();
        assertThat(f.defaultAction()).isEqualTo(Action.DISCARD);
    }

    @Test
    void aNonContiguousWildcardIsAClearReadError() {
        String odd = DEVICE_REPLY.replace(
                "<hw:aclDestWild>0.0.255.255</hw:aclDestWild>", "<hw:aclDestWild>0.255.0.255</hw:aclDestWild>");
        assertThatThrownBy(() -> adapter.read("bng-1", odd))
                .isInstanceOf(ReadException.class)
                .hasMessageContaining("0.255.0.255");
    }

    @Test
    void mutantsReadBackAsWhatTheDeviceHolds() {
        FilterIntent ir = defaultIntent(false);
        String payload = adapter.renderConfig(ir);
        String noAccept = payload.replaceFirst(
                "(?s)<aclRuleAdv4>\\s*<aclRuleName>accept-rest</aclRuleName>.*?</aclRuleAdv4>", "");
        assertThat(adapter.read("d", noAccept).intent().filters().get(0).terms())
                .noneMatch(Term::isFinalAcceptAll);
        String no2525 = payload.replaceFirst(
                "(?s)<aclRuleAdv6>\\s*<aclRuleName>deny-smtp#4</aclRuleName>.*?</aclRuleAdv6>", "");
        Term smtp6 = adapter.read("d", no2525).intent().filters().get(1).terms().get(1);
        assertThat(smtp6.match().destinationPorts())
                .containsExactly(PortRange.single(25), PortRange.single(465), PortRange.single(587));
        String wrongProtocol = payload.replaceFirst("<aclProtocol>6</aclProtocol>", "<aclProtocol>17</aclProtocol>");
        assertThat(adapter.read("d", wrongProtocol).intent()).isNotEqualTo(adapter.normalize(ir));
    }

    @Test
    void bindingsAndRejectAreUnsupportedNamingWhatAndWhere() {
        FilterIntent ir = defaultIntent(false);
        FilterIntent bound = new FilterIntent(
                ir.device(),
                ir.platform(),
                ir.filters(),
                List.of(new Binding(
                        AttachKind.INTERFACE,
                        "GigabitEthernet0/1/0.100",
                        AddressFamily.IPV4,
                        Direction.TO_SUBSCRIBER,
                        "PORTCULLIS-SUBPROTECT-V4")));
        assertThatThrownBy(() -> adapter.renderConfig(bound))
                .isInstanceOfSatisfying(UnsupportedFeatureException.class, e -> {
                    assertThat(e.platform()).isEqualTo("vrp");
                    assertThat(e.feature()).contains("GigabitEthernet0/1/0.100").contains("traffic-filter");
                });
        // removal still works for an IR read back with bindings elsewhere
        assertThat(adapter.renderRemoval(bound)).contains("nc:operation=\"remove\"");
        Filter v4 = ir.filters().get(0);
        List<Term> terms = new ArrayList<>(v4.terms());
        Term t = terms.get(0);
        terms.set(0, new Term(t.name(), t.sequence(), t.match(), Action.REJECT, t.counter(), t.log(), t.description()));
        FilterIntent reject = new FilterIntent(
                ir.device(),
                ir.platform(),
                List.of(new Filter(v4.name(), v4.family(), terms, v4.defaultAction(), v4.description())),
                List.of());
        assertThatThrownBy(() -> adapter.renderConfig(reject))
                .isInstanceOfSatisfying(UnsupportedFeatureException.class, e -> {
                    assertThat(e.term()).isEqualTo("deny-snmp");
                    assertThat(e.feature()).contains("reject");
                });
    }

    @Test
    void payloadUsesNamedAdvancedAclsReplacedWhole() {
        String payload = adapter.renderConfig(defaultIntent(true));
        assertThat(payload)
                .contains("<aclGroup nc:operation=\"replace\">")
                .contains("<aclGroup6 nc:operation=\"replace\">")
                .contains("<aclNumOrName>PORTCULLIS-SUBPROTECT-V4</aclNumOrName>")
                .contains("<aclDestWild>0.0.0.255</aclDestWild>")
                .contains("<aclDestWild>48</aclDestWild>");
    }
}
