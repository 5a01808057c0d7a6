package io.portcullis.platform.sros;

import io.portcullis.platform.ReadException;

/**
 * The attach point of an {@link io.portcullis.intent.AttachKind#EMBED} binding on SR OS: the host
 * filter ({@code ip-filter|ipv6-filter[filter-name]}) and the offset of its
 * {@code embed/filter[name offset]} entry, spelled "HOST offset N" in the IR (readable in diffs).
 */
record SrosEmbed(String host, long offset) {
    static final String SEPARATOR = " offset ";
    /** types-filter:embed-offset as the 19.7 embed list restricts it. */
    static final long OFFSET_MAX = 2097150;

    String point() {
        return host + SEPARATOR + offset;
    }

    static SrosEmbed parse(String point) {
        int i = point.lastIndexOf(SEPARATOR);
        if (i <= 0) {
            throw new IllegalArgumentException("embed point '" + point + "' is not 'HOST offset N'");
        }
        return new SrosEmbed(
                point.substring(0, i),
                Long.parseLong(point.substring(i + SEPARATOR.length()).trim()));
    }

    static long offset(String text, String where) {
        try {
            long v = Long.parseLong(text == null ? "" : text.trim());
            if (v < 0 || v > OFFSET_MAX) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new ReadException("embed offset '" + text + "' " + where + " is not a number 0.." + OFFSET_MAX);
        }
    }
}
