package io.portcullis.platform;

import io.portcullis.intent.PortRange;
import java.util.Locale;
import java.util.Map;

/** Parses a device's port value: a number, "a-b" range, or a service name from the platform's table. */
public final class PortSpelling {
    private PortSpelling() {}

    /**
     * @throws ReadException naming the value and where it was found when it is neither a number,
     *                       a range nor a known name
     */
    public static PortRange parse(String value, Map<String, Integer> names, String where) {
        String v = value == null ? "" : value.trim();
        Integer named = names.get(v.toLowerCase(Locale.ROOT));
        if (named != null) {
            return PortRange.single(named);
        }
        int dash = v.indexOf('-', 1);
        if (dash > 0) {
            Integer a = names.get(v.substring(0, dash).toLowerCase(Locale.ROOT));
            Integer b = names.get(v.substring(dash + 1).toLowerCase(Locale.ROOT));
            if (a != null || b != null) {
                return new PortRange(
                        a != null ? a : number(v.substring(0, dash), where),
                        b != null ? b : number(v.substring(dash + 1), where));
            }
        }
        try {
            return PortRange.parse(v);
        } catch (IllegalArgumentException e) {
            throw new ReadException(
                    "port value '" + v + "' " + where + " is neither a port number, a range nor a known port name");
        }
    }

    private static int number(String s, String where) {
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            throw new ReadException(
                    "port value '" + s + "' " + where + " is neither a port number nor a known port name");
        }
    }
}
