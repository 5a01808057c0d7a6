package io.portcullis.platform.vrp;

import static io.portcullis.intent.Feature.EXEMPTIONS;
import static io.portcullis.intent.Feature.FROM_SUBSCRIBER;
import static io.portcullis.intent.Feature.IPV4;
import static io.portcullis.intent.Feature.IPV6;
import static io.portcullis.intent.Feature.LOGGING;
import static io.portcullis.intent.Feature.PORT_RANGES;

import io.portcullis.intent.Action;
import io.portcullis.intent.Feature;
import io.portcullis.platform.PlatformFacts;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Huawei VRP8 facts for the {@code huawei-acl} "schema" YANG (namespace
 * {@code http://www.huawei.com/netconf/vrp/huawei-acl}, revision 2017-03-23, the CE6850 copy in
 * shared/yang; vendor reference section 4).
 *
 * <ul>
 * <li>Filters are named advanced ACLs: {@code aclNumOrName} accepts a name ({@code [a-zA-Z]\S*}, 1..32),
 *     so ownership is the {@code PORTCULLIS-} name prefix; no ACL number is chosen (the device assigns one).</li>
 * <li>A rule matches one destination port/range and one prefix: a term becomes rules {@code name},
 *     {@code name#2}, … at consecutive rule IDs. Actions are permit/deny only (no reject).</li>
 * <li>No counter-name leaf (match counts are state): the counter name is kept in aclRuleDescription.</li>
 * <li>Bindings are NOT written: the interface binding ({@code traffic-filter outbound acl name …}) and
 *     the BNG global-UCL/user-group binding have no YANG in the obtainable module set, so they could
 *     not be modelled or validated; a binding in the IR is an {@link io.portcullis.platform.UnsupportedFeatureException}.</li>
 * <li>What an unmatched packet meets is assumed to be DISCARD (conservative; Huawei documents
 *     traffic-filter end behaviour per product) — a final permit rule is always written.</li>
 * </ul>
 */
public final class VrpFacts {
    public static final String PLATFORM = "vrp";
    public static final String NS_ACL = "http://www.huawei.com/netconf/vrp/huawei-acl";
    /** What this platform can express (docs/platforms.md shows the table generated from these sets). */
    public static final Set<Feature> FEATURES =
            Collections.unmodifiableSet(EnumSet.of(IPV4, IPV6, FROM_SUBSCRIBER, PORT_RANGES, EXEMPTIONS, LOGGING));

    public static final PlatformFacts FACTS =
            new PlatformFacts("Huawei VRP8 (huawei-acl)", Action.DISCARD, FEATURES, List.of(NS_ACL));
    static final int MAX_NAME = 32;
    static final String SPLIT = "#";
    /** aclDescription / aclRuleDescription: 1..127, no '?', no leading/trailing whitespace. */
    static final Pattern DESCRIPTION = Pattern.compile("[^?\\s](([^?\\s]*)|[^\\t?]*[^?\\s])");

    static final Pattern ACL_NAME = Pattern.compile("[a-zA-Z]\\S*");
    static final Pattern RULE_NAME = Pattern.compile("[^\\s?]+");

    private VrpFacts() {}

    static boolean validDescription(String d) {
        return d.length() <= 127 && DESCRIPTION.matcher(d).matches();
    }
}
