package io.portcullis.policy;

import io.portcullis.intent.IpPrefix;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An exemption punches a hole in the published promise, so its size is bounded: a prefix wider than the promise's
 * {@code max-exemption} (default /24 IPv4, /48 IPv6) is an error. Without this bound one line such as
 * {@code prefix: [0.0.0.0/0]} would switch the promise off for everyone while every proof still passed.
 */
public final class ExemptionWidth {
    private ExemptionWidth() {}

    /** One error per exemption prefix shorter than the allowed length; {@code lines} are the policy's path → line. */
    public static List<Diagnostic> check(
            Policy policy, String file, Map<String, Integer> lines, int maxIpv4, int maxIpv6, String limitSource) {
        List<Diagnostic> out = new ArrayList<>();
        for (Exemption e : policy.exemptions()) {
            String path = PolicyChecks.exemptionPath(e.name()) + "/prefix";
            for (IpPrefix p : e.prefixes()) {
                int max = p.family() == io.portcullis.intent.AddressFamily.IPV4 ? maxIpv4 : maxIpv6;
                if (p.length() < max) {
                    int line = lines.getOrDefault(
                            path + "[.='" + p + "']",
                            lines.getOrDefault(path, lines.getOrDefault(PolicyChecks.exemptionPath(e.name()), 0)));
                    out.add(
                            Diagnostic.error(
                                    file,
                                    line,
                                    path,
                                    "exemption '" + e.name() + "' prefix " + p + " is wider than /" + max
                                            + ", the largest " + p.family().id()
                                            + " exemption the published promise allows (" + limitSource
                                            + "); exempt the subscribers' own prefixes, or change max-exemption in the promise under review"));
                }
            }
        }
        return out;
    }
}
