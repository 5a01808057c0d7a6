package io.portcullis.traffic;

import io.portcullis.intent.AttachKind;
import io.portcullis.intent.AttachPoint;
import io.portcullis.intent.Binding;
import io.portcullis.intent.Direction;
import io.portcullis.intent.Filter;
import io.portcullis.intent.FilterIntent;
import io.portcullis.lab.device.SimDevice;
import io.portcullis.platform.PlatformAdapter;
import io.portcullis.verify.Fate;
import io.portcullis.verify.Packet;
import io.portcullis.verify.Verdict;
import io.portcullis.verify.Verifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One simulated router's traffic: which filters its running configuration really binds (read back with the
 * platform reader, as plan and drift read a router), what the verifier's evaluator decides for each packet
 * class at each attach point, and the per-term counters that result. Decisions are recomputed only when
 * running changes. Thread-safe (ticks and counter reads are serialised).
 */
public final class RouterTraffic {
    /** Where filters of a platform without bindings (VRP) are assumed bound by the operator, as {@code verify} assumes. */
    static final AttachPoint OPERATOR_BOUND = new AttachPoint(AttachKind.INTERFACE, "(operator-bound traffic-filter)");

    private final SimDevice device;
    private final PlatformAdapter platform;
    private final List<AttachPoint> points;
    private final List<PacketClass> mix;
    private final int totalWeight;
    private final double[] owed;
    private String seenRunning;
    private FilterIntent intent = null;
    private String readProblem;
    private Verdict[][] decisions; // [class][point]
    /** "point\0filter\0term" → {packets, bytes} since the filter appeared on the router. */
    private final Map<String, long[]> counters = new LinkedHashMap<>();
    /** class label → {forwarded, dropped} packets. */
    private final Map<String, long[]> fates = new LinkedHashMap<>();

    public RouterTraffic(SimDevice device, PlatformAdapter platform, List<AttachPoint> points, List<PacketClass> mix) {
        this.device = device;
        this.platform = platform;
        this.points = List.copyOf(points);
        this.mix = List.copyOf(mix);
        this.totalWeight = PacketMix.totalWeight(mix);
        this.owed = new double[mix.size()];
        mix.forEach(c -> fates.put(c.label(), new long[2]));
    }

    public SimDevice device() {
        return device;
    }

    /** Feeds {@code seconds} worth of traffic at {@code pps} packets per second through the filters bound now. */
    public void tick(double seconds, double pps) {
        String running =
                device.runningXml(); // outside our lock: <get> holds the device's monitor, then asks us (lock order)
        synchronized (this) {
            tick(running, seconds, pps);
        }
    }

    private void tick(String running, double seconds, double pps) {
        refresh(running);
        for (int c = 0; c < mix.size(); c++) {
            PacketClass pc = mix.get(c);
            owed[c] += pps * seconds * pc.weight() / totalWeight;
            long n = (long) owed[c];
            owed[c] -= n;
            if (n > 0) {
                send(c, pc, n);
            }
        }
    }

    private void send(int c, PacketClass pc, long n) {
        List<AttachPoint> at = pointsFor();
        long base = n / at.size();
        long extra = n % at.size();
        for (int p = 0; p < at.size(); p++) {
            long k = base + (p < extra ? 1 : 0);
            if (k == 0) {
                continue;
            }
            Verdict v = decisions[c][p];
            fates.get(pc.label())[v.fate() == Fate.FORWARDED ? 0 : 1] += k;
            if (v.filter() != null && v.term() != null) {
                long[] cnt = counters.computeIfAbsent(
                        at.get(p).name() + '\0' + v.filter() + '\0' + v.term(), x -> new long[2]);
                cnt[0] += k;
                cnt[1] += k * pc.bytes();
            }
        }
    }

    /** Re-reads running into the IR when it changed, and re-decides every packet class at every attach point. */
    private void refresh(String running) {
        if (running.equals(seenRunning)) {
            return;
        }
        seenRunning = running;
        try {
            FilterIntent read = platform.read(
                            device.name(),
                            "<data xmlns=\"urn:ietf:params:xml:ns:netconf:base:1.0\">" + running + "</data>")
                    .intent();
            intent = points.isEmpty() ? operatorBound(read) : read;
            readProblem = null;
        } catch (RuntimeException e) { // ReadException, or a reader bug: the router then filters nothing
            intent = new FilterIntent(device.name(), platform.id(), List.of(), List.of());
            readProblem = e.getMessage();
        }
        List<AttachPoint> at = pointsFor();
        decisions = new Verdict[mix.size()][at.size()];
        for (int c = 0; c < mix.size(); c++) {
            for (int p = 0; p < at.size(); p++) {
                decisions[c][p] = Verifier.evaluate(intent, packet(mix.get(c), at.get(p)));
            }
        }
        // a filter that left the router takes its counters with it; one that comes back starts from zero
        counters.keySet().removeIf(k -> intent.filter(k.split("\0", 3)[1]).isEmpty());
    }

    private List<AttachPoint> pointsFor() {
        return points.isEmpty() ? List.of(OPERATOR_BOUND) : points;
    }

    static Packet packet(PacketClass pc, AttachPoint point) {
        return new Packet(
                pc.family(),
                pc.protocol(),
                pc.sourcePort(),
                pc.destinationPort(),
                pc.source(),
                pc.destination(),
                false,
                pc.direction(),
                point);
    }

    /** VRP: Portcullis binds nothing; like {@code verify}, treat each owned filter as bound by the operator in its direction. */
    private static FilterIntent operatorBound(FilterIntent read) {
        List<Binding> b = new ArrayList<>();
        for (Filter f : read.filters()) {
            Direction d = f.name().contains("-IN-") ? Direction.FROM_SUBSCRIBER : Direction.TO_SUBSCRIBER;
            b.add(new Binding(OPERATOR_BOUND.kind(), OPERATOR_BOUND.name(), f.family(), d, f.name()));
        }
        return new FilterIntent(read.device(), read.platform(), read.filters(), b);
    }

    /** The IR the decisions were made with (after the last tick), or null before the first tick. */
    public synchronized FilterIntent intent() {
        return intent;
    }

    public synchronized String readProblem() {
        return readProblem;
    }

    /** The verdict the router gives this packet class at this attach point now. */
    public Verdict decision(PacketClass pc, AttachPoint point) {
        String running = device.runningXml();
        synchronized (this) {
            refresh(running);
            return Verifier.evaluate(intent, packet(pc, point));
        }
    }

    /** {packets, bytes} a term matched at one attach point (zeros when none). */
    public synchronized long[] counter(String point, String filter, String term) {
        long[] c = counters.get(point + '\0' + filter + '\0' + term);
        return c == null ? new long[2] : c.clone();
    }

    /** {packets, bytes} a term matched over every attach point. */
    public synchronized long[] total(String filter, String term) {
        long[] sum = new long[2];
        counters.forEach((k, v) -> {
            String[] p = k.split("\0", 3);
            if (p[1].equals(filter) && p[2].equals(term)) {
                sum[0] += v[0];
                sum[1] += v[1];
            }
        });
        return sum;
    }

    /** The attach points traffic flows through (the platform's, or the operator-bound one). */
    public List<AttachPoint> attachPoints() {
        return pointsFor();
    }

    /** {forwarded, dropped} packets of a class so far. */
    public synchronized long[] fate(String classLabel) {
        long[] f = fates.get(classLabel);
        return f == null ? new long[2] : f.clone();
    }

    public List<PacketClass> mix() {
        return mix;
    }
}
