package io.portcullis.policy;

import io.portcullis.intent.AddressFamily;
import io.portcullis.intent.IpPrefix;
import io.portcullis.intent.PortRange;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The semantic checks YANG cannot express: an empty policy, overlapping ports, a service that
 * would block all traffic of its protocol, exemptions that name an unknown service, do not fit the
 * service's families, or have expired (warning within {@link #EXPIRY_WARNING_DAYS} days).
 */
public final class PolicyChecks {
    public static final int EXPIRY_WARNING_DAYS = 14;
    private static final String ROOT = "/portcullis-policy:policy";

    private final String file;
    private final Map<String, Integer> lines;
    private final List<Diagnostic> out = new ArrayList<>();

    private PolicyChecks(String file, Map<String, Integer> lines) {
        this.file = file;
        this.lines = lines;
    }

    public static List<Diagnostic> check(Policy policy, String file, Map<String, Integer> lines, LocalDate today) {
        PolicyChecks c = new PolicyChecks(file, lines);
        c.run(policy, today);
        return c.out;
    }

    public static String servicePath(String service) {
        return ROOT + "/service[name='" + service + "']";
    }

    public static String exemptionPath(String exemption) {
        return ROOT + "/exemption[name='" + exemption + "']";
    }

    private void run(Policy policy, LocalDate today) {
        if (policy.services().isEmpty()) {
            error(ROOT, "the policy blocks no service, so it would protect nothing; add at least one service");
        }
        List<BlockedService> services = policy.services();
        for (int i = 0; i < services.size(); i++) {
            BlockedService s = services.get(i);
            String ports = servicePath(s.name()) + "/ports";
            overlapsWithin(s, ports);
            if (coversAll(s.ports())) {
                error(
                        ports,
                        "service '" + s.name() + "' blocks every " + s.protocol()
                                + " port (0-65535), which would cut subscribers" + " off from all " + s.protocol()
                                + " traffic; list only the ports of the service");
            }
            for (int j = 0; j < i; j++) {
                BlockedService other = services.get(j);
                if (other.protocol().equals(s.protocol())
                        && other.direction() == s.direction()
                        && other.families().stream().anyMatch(s.families()::contains)) {
                    Optional<String> clash = firstOverlap(other.ports(), s.ports());
                    clash.ifPresent(c -> error(
                            ports,
                            "service '" + s.name() + "' and service '" + other.name() + "' both block " + s.protocol()
                                    + " " + c + " in the same direction; keep each port in one service"));
                }
            }
        }
        for (Exemption e : policy.exemptions()) {
            exemption(policy, e, today);
        }
    }

    private void exemption(Policy policy, Exemption e, LocalDate today) {
        String path = exemptionPath(e.name());
        Optional<BlockedService> service = policy.services().stream()
                .filter(s -> s.name().equals(e.service()))
                .findFirst();
        if (service.isEmpty()) {
            List<String> names =
                    policy.services().stream().map(BlockedService::name).toList();
            error(
                    path + "/service",
                    "exemption '" + e.name() + "' refers to service '" + e.service() + "', which the policy does not"
                            + " define; use one of " + (names.isEmpty() ? "(none)" : String.join(", ", names)));
        } else {
            for (IpPrefix p : e.prefixes()) {
                if (!service.get().families().contains(p.family())) {
                    String pp = path + "/prefix";
                    error(
                            pp,
                            lines.getOrDefault(pp + "[.='" + p + "']", 0),
                            "exemption '" + e.name() + "' lists " + p.family().id()
                                    + " prefix " + p + " but service '" + e.service() + "' only covers "
                                    + String.join(
                                            ", ",
                                            service.get().families().stream()
                                                    .map(AddressFamily::id)
                                                    .toList())
                                    + "; remove the prefix or add the family to the service");
                }
            }
        }
        if (e.expires() != null) {
            long days = ChronoUnit.DAYS.between(today, e.expires());
            if (days < 0) {
                error(
                        path + "/expires",
                        "exemption '" + e.name() + "' expired on " + e.expires() + "; remove it or extend expires");
            } else if (days <= EXPIRY_WARNING_DAYS) {
                out.add(Diagnostic.warning(
                        file,
                        line(path + "/expires"),
                        path + "/expires",
                        "exemption '" + e.name() + "' expires on " + e.expires() + " (in " + days + " day"
                                + (days == 1 ? "" : "s") + "); extend or remove it"));
            }
        }
    }

    private void overlapsWithin(BlockedService s, String path) {
        List<PortRange> ports = s.ports();
        for (int i = 0; i < ports.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (ports.get(i).overlaps(ports.get(j)) && !ports.get(i).equals(ports.get(j))) {
                    error(
                            path,
                            "service '" + s.name() + "' lists overlapping ports " + ports.get(j) + " and "
                                    + ports.get(i) + "; list each port once");
                }
            }
        }
    }

    private static Optional<String> firstOverlap(List<PortRange> a, List<PortRange> b) {
        for (PortRange x : a) {
            for (PortRange y : b) {
                if (x.overlaps(y)) {
                    return Optional.of(x.equals(y) ? x.toString() : x + "/" + y);
                }
            }
        }
        return Optional.empty();
    }

    static boolean coversAll(List<PortRange> ports) {
        List<PortRange> sorted = new ArrayList<>(ports);
        sorted.sort(null);
        int next = 0;
        for (PortRange r : sorted) {
            if (r.from() > next) {
                return false;
            }
            next = Math.max(next, r.to() + 1);
        }
        return next > PortRange.MAX;
    }

    private int line(String path) {
        return lines.getOrDefault(path, lines.getOrDefault(path.substring(0, Math.max(path.lastIndexOf('/'), 0)), 0));
    }

    private void error(String path, String message) {
        error(path, line(path), message);
    }

    private void error(String path, int line, String message) {
        out.add(Diagnostic.error(file, line == 0 ? line(path) : line, path, message));
    }
}
