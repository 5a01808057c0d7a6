package io.portcullis.traffic;

import io.portcullis.intent.AttachKind;
import io.portcullis.intent.AttachPoint;
import io.portcullis.intent.Binding;
import io.portcullis.intent.Filter;
import io.portcullis.intent.FilterIntent;
import io.portcullis.intent.Term;
import io.portcullis.lab.datastore.Dom;
import io.portcullis.lab.datastore.SimDatastore;
import io.portcullis.lab.device.OperationalState;
import io.portcullis.lab.device.Reply;
import io.portcullis.lab.device.SimDevice;
import org.w3c.dom.Element;

/**
 * Junos "show firewall" on a lab device: answers {@code get-firewall-filter-information} with one
 * {@code filter-information} per owned filter bound at a static interface (its named counters, summed over
 * those interfaces) and one per subscriber instance of a dynamic profile ({@code <filter>-pp0.<unit>-out}; the lab
 * plays {@link #SUBSCRIBERS} subscribers per profile and splits the profile's traffic between them).
 * Terms without a {@code count} action are not listed: Junos keeps no counter for them.
 */
final class JunosState implements OperationalState {
    static final String NS = "http://xml.juniper.net/junos/21.4R0/junos-filter";
    static final int SUBSCRIBERS = 3;
    private static final long FIRST_UNIT = 3221225473L;
    private final RouterTraffic traffic;

    JunosState(RouterTraffic traffic) {
        this.traffic = traffic;
    }

    @Override
    public void addState(SimDevice device, SimDatastore copy) {
        // Junos keeps counters out of the configuration model: they come from the RPC below
    }

    @Override
    public Reply vendorRpc(SimDevice device, Element op) {
        if (!Dom.localName(op).equals("get-firewall-filter-information")) {
            return null;
        }
        FilterIntent ir = traffic.intent();
        StringBuilder sb = new StringBuilder("<firewall-information xmlns=\"" + NS + "\">");
        for (Filter f : ir == null ? java.util.List.<Filter>of() : ir.filters()) {
            java.util.List<AttachPoint> statics = new java.util.ArrayList<>();
            java.util.List<AttachPoint> profiles = new java.util.ArrayList<>();
            for (Binding b : ir.bindings()) {
                if (b.filterName().equals(f.name())) {
                    (b.kind() == AttachKind.PROFILE ? profiles : statics).add(new AttachPoint(b.kind(), b.point()));
                }
            }
            if (!statics.isEmpty() || profiles.isEmpty()) {
                info(sb, f.name(), f, statics, 1, 0);
            }
            for (AttachPoint p : profiles) {
                for (int s = 0; s < SUBSCRIBERS; s++) {
                    info(
                            sb,
                            f.name() + "-pp0." + (FIRST_UNIT + s) + (f.name().contains("-IN-") ? "-in" : "-out"),
                            f,
                            java.util.List.of(p),
                            SUBSCRIBERS,
                            s);
                }
            }
        }
        return new Reply.Output(sb.append("</firewall-information>").toString());
    }

    /** One filter-information: the named counters of {@code points}, this instance's share when split between subscribers. */
    private void info(
            StringBuilder sb,
            String listedName,
            Filter f,
            java.util.List<AttachPoint> points,
            int instances,
            int index) {
        sb.append("<filter-information><filter-name>").append(listedName).append("</filter-name>");
        for (Term t : f.terms()) {
            if (t.counter() == null) {
                continue;
            }
            long packets = 0;
            long bytes = 0;
            for (AttachPoint p : points) {
                long[] c = traffic.counter(p.name(), f.name(), t.name());
                packets += share(c[0], instances, index);
                bytes += share(c[1], instances, index);
            }
            if (points.isEmpty()) {
                long[] c = traffic.total(f.name(), t.name());
                packets = c[0];
                bytes = c[1];
            }
            sb.append("<counter><counter-name>")
                    .append(t.counter())
                    .append("</counter-name><packet-count>")
                    .append(packets)
                    .append("</packet-count><byte-count>")
                    .append(bytes)
                    .append("</byte-count></counter>");
        }
        sb.append("</filter-information>");
    }

    /** Splits a count between instances so the parts add up to the whole. */
    static long share(long total, int instances, int index) {
        return total / instances + (index < total % instances ? 1 : 0);
    }
}
