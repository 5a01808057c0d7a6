package io.portcullis.verify;

import java.math.BigInteger;
import java.util.List;

/**
 * How far one packet class's fate change reaches along one axis of the packet space (destination port,
 * source port, destination address, source address), with the other axes held at the class's values.
 * {@link Shape#ANY}: the change is the same along the whole axis, so the axis does not matter and a
 * sentence leaves it out. {@link Shape#ONLY}: it holds on {@code spans} (one maximal run of adjacent
 * classes). {@link Shape#EXCEPT}: it holds everywhere but {@code spans} (said this way when that is the
 * shorter list, e.g. "except to 10.0.0.0/8" for an exempt destination).
 */
public record Axis(Shape shape, List<Span> spans) {
    public enum Shape {
        ANY,
        ONLY,
        EXCEPT
    }

    public static final Axis ANY = new Axis(Shape.ANY, List.of());

    public Axis {
        spans = List.copyOf(spans);
    }

    /** A closed range of ports or addresses. */
    public record Span(BigInteger lo, BigInteger hi) {
        public boolean contains(BigInteger v) {
            return v.compareTo(lo) >= 0 && v.compareTo(hi) <= 0;
        }

        public boolean single() {
            return lo.equals(hi);
        }
    }

    /**
     * The axis seen from index {@code at}, given each class's transition along it ({@code t[i]}, 0 = no
     * change) and the class bounds.
     */
    static Axis of(byte[] t, int at, BigInteger[] lo, BigInteger[] hi) {
        int n = t.length;
        boolean uniform = true;
        for (int i = 1; i < n && uniform; i++) {
            uniform = t[i] == t[0];
        }
        if (uniform) {
            return ANY;
        }
        int from = at;
        while (from > 0 && t[from - 1] == t[at]) {
            from--;
        }
        int to = at;
        while (to + 1 < n && t[to + 1] == t[at]) {
            to++;
        }
        int runsWith = 0;
        List<Span> others = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            boolean mine = t[i] == t[at];
            boolean starts = i == 0 || (t[i - 1] == t[at]) != mine;
            if (mine && starts) {
                runsWith++;
            } else if (!mine && starts) {
                others.add(new Span(lo[i], hi[i]));
            } else if (!mine) {
                Span last = others.remove(others.size() - 1);
                others.add(new Span(last.lo(), hi[i]));
            }
        }
        return runsWith <= others.size()
                ? new Axis(Shape.ONLY, List.of(new Span(lo[from], hi[to])))
                : new Axis(Shape.EXCEPT, others);
    }
}
