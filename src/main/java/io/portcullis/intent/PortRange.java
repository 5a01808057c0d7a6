package io.portcullis.intent;

/** An inclusive range of TCP/UDP port numbers; a single port is a range of one. */
public record PortRange(int from, int to) implements Comparable<PortRange>, java.io.Serializable {
    public static final int MAX = 65535;
    public static final PortRange ALL = new PortRange(0, MAX);

    public PortRange {
        if (from < 0 || to > MAX || from > to) {
            throw new IllegalArgumentException(
                    "port range " + from + "-" + to + " is not within 0..65535 with from <= to");
        }
    }

    public static PortRange single(int port) {
        return new PortRange(port, port);
    }

    /** Parses "25" or "1024-2047" (also accepts ".." as Openconfig spells ranges). */
    public static PortRange parse(String text) {
        String t = text.trim();
        int sep = t.indexOf("..");
        int len = 2;
        if (sep < 0) {
            sep = t.indexOf('-');
            len = 1;
        }
        try {
            if (sep < 0) {
                return single(Integer.parseInt(t));
            }
            return new PortRange(
                    Integer.parseInt(t.substring(0, sep).trim()),
                    Integer.parseInt(t.substring(sep + len).trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a port or port range");
        }
    }

    public boolean isSingle() {
        return from == to;
    }

    public boolean contains(int port) {
        return port >= from && port <= to;
    }

    public boolean overlaps(PortRange other) {
        return from <= other.to && other.from <= to;
    }

    @Override
    public int compareTo(PortRange o) {
        return from != o.from ? Integer.compare(from, o.from) : Integer.compare(to, o.to);
    }

    @Override
    public String toString() {
        return isSingle() ? Integer.toString(from) : from + "-" + to;
    }
}
