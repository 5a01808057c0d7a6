package io.portcullis.platform.vrp;

import java.util.List;

/** The data the VRP Qute templates (templates/vrp/) render: plain values, already spelled the huawei-acl way. */
public final class VrpView {
    private VrpView() {}

    /** aclGroups/aclGroup/aclRuleAdv4s/aclRuleAdv4 or aclGroup6s/aclGroup6/aclRuleAdv6s/aclRuleAdv6. */
    public record Section(
            String wrapper, String groupTag, String rulesTag, String ruleTag, boolean v6, List<GroupView> groups) {}

    public record GroupView(String name, String description, List<RuleView> rules) {}

    /** One rule; {@code wild} is the IPv4 wildcard or the IPv6 prefix length; {@code cli} its VRP command form. */
    public record RuleView(
            String name,
            long id,
            String action,
            int protocol,
            String destIp,
            String wild,
            String portOp,
            String portB,
            String portE,
            String description,
            boolean log,
            String cli) {}
}
