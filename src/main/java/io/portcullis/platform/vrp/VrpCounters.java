package io.portcullis.platform.vrp;

import io.portcullis.counters.CounterRead;
import io.portcullis.counters.CounterReader;
import io.portcullis.counters.OpXml;
import io.portcullis.counters.Tally;
import io.portcullis.intent.FilterIntent;
import org.w3c.dom.Element;

/**
 * Huawei rule match counts as the only published Huawei model offers them ({@code huawei-acl}, CE6850
 * schema): {@code acl/aclGroups/aclGroup[aclNumOrName]/aclRuleAdv4s/aclRuleAdv4[aclRuleName]/aclRuleCnts/aclRuleCnt/matchCount}
 * and {@code aclGroup6s/aclGroup6/aclRuleAdv6s/aclRuleAdv6/acl6RuleCnts/acl6RuleCnt/matchCount}. UNCONFIRMED for
 * the BNG: this is a switch schema, {@code aclRuleCnt} is a keyless list whose entries' meaning (per slot?
 * per traffic-filter instance?) is not documented, and no NE40E/ME60 model was obtainable; the entries are
 * summed and every number is marked unconfirmed. Packets only.
 */
public final class VrpCounters implements CounterReader {
    static final String NS = "http://www.huawei.com/netconf/vrp/huawei-acl";

    @Override
    public String request(FilterIntent owned) {
        return "<get><filter type=\"subtree\"><acl xmlns=\"" + NS + "\"><aclGroups/><aclGroup6s/></acl></filter></get>";
    }

    @Override
    public String source() {
        return "huawei-acl (CE6850): aclGroups/aclGroup/aclRuleAdv4s/aclRuleAdv4/aclRuleCnts/aclRuleCnt/matchCount (unconfirmed for BNGs)";
    }

    @Override
    public boolean confirmed() {
        return false;
    }

    @Override
    public CounterRead parse(FilterIntent owned, String reply) {
        return OpXml.guard(reply, root -> {
            Tally tally = new Tally(owned);
            for (Element acl : OpXml.descendants(root, NS, "acl")) {
                read(
                        tally,
                        OpXml.child(acl, NS, "aclGroups"),
                        "aclGroup",
                        "aclRuleAdv4s",
                        "aclRuleAdv4",
                        "aclRuleCnts",
                        "aclRuleCnt");
                read(
                        tally,
                        OpXml.child(acl, NS, "aclGroup6s"),
                        "aclGroup6",
                        "aclRuleAdv6s",
                        "aclRuleAdv6",
                        "acl6RuleCnts",
                        "acl6RuleCnt");
            }
            if (tally.empty()) {
                return CounterRead.unavailable(
                        "no matchCount for a PORTCULLIS ACL in the reply (not installed, or the model differs)");
            }
            return new CounterRead(
                    tally.terms(t -> "no matchCount for this rule in the reply"),
                    false,
                    "rules of a term and the entries of each rule's keyless aclRuleCnt list summed (meaning unconfirmed)",
                    null);
        });
    }

    private static void read(
            Tally tally, Element groups, String group, String rules, String rule, String cnts, String cnt) {
        for (Element g : OpXml.children(groups, NS, group)) {
            String name = OpXml.text(g, NS, "aclNumOrName");
            if (name == null || !tally.owns(name)) {
                continue;
            }
            for (Element r : OpXml.children(OpXml.child(g, NS, rules), NS, rule)) {
                String ruleName = OpXml.text(r, NS, "aclRuleName");
                Element counts = OpXml.child(r, NS, cnts);
                if (ruleName == null || counts == null) {
                    continue;
                }
                long sum = 0;
                boolean any = false;
                for (Element c : OpXml.children(counts, NS, cnt)) {
                    Long v = OpXml.counter(c, NS, "matchCount", "ACL " + name + " rule " + ruleName);
                    if (v != null) {
                        sum += v;
                        any = true;
                    }
                }
                if (any) {
                    tally.add(name, tally.termNamed(name, ruleName), sum, null);
                }
            }
        }
    }
}
