package io.portcullis.web;

import io.portcullis.api.DropHistory;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * A server-rendered SVG line chart of one router's dropped packets per sampling interval, one line per series
 * ("SMTP ipv4", "SNMP ipv6", …). Series differ in colour and in dash pattern and point shape, so the chart reads
 * in greyscale too; the same numbers are in a table below it. Everything written into the SVG is escaped here.
 */
final class DropChart {
    static final int WIDTH = 720;
    static final int HEIGHT = 240;
    private static final int LEFT = 64;
    private static final int RIGHT = 150;
    private static final int TOP = 16;
    private static final int BOTTOM = 36;
    private static final String[] COLOURS = {"#0b6fb8", "#c2410c", "#15803d", "#7e22ce", "#a16207", "#be123c"};
    private static final String[] DASHES = {"", "6 3", "2 3", "8 3 2 3", "1 2", "10 4"};
    private static final DateTimeFormatter HHMM =
            DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    private DropChart() {}

    static List<String> series(List<DropHistory.Interval> intervals) {
        TreeSet<String> s = new TreeSet<>();
        intervals.forEach(i -> s.addAll(i.dropped().keySet()));
        return List.copyOf(s);
    }

    static String svg(String router, List<DropHistory.Interval> intervals) {
        StringBuilder b = new StringBuilder();
        b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"drop-chart\" role=\"img\" viewBox=\"0 0 ")
                .append(WIDTH)
                .append(' ')
                .append(HEIGHT)
                .append(
                        "\" aria-labelledby=\"chart-title chart-desc\"><title id=\"chart-title\">Dropped probe packets per interval on ")
                .append(esc(router))
                .append("</title>");
        if (intervals.isEmpty()) {
            b.append("<desc id=\"chart-desc\">No counter samples yet: the chart starts after the second sample.</desc>")
                    .append("<text x=\"")
                    .append(WIDTH / 2)
                    .append("\" y=\"")
                    .append(HEIGHT / 2)
                    .append("\" text-anchor=\"middle\" class=\"chart-empty\">no samples yet</text></svg>");
            return b.toString();
        }
        List<String> series = series(intervals);
        long max = 1;
        for (DropHistory.Interval i : intervals) {
            for (long v : i.dropped().values()) {
                max = Math.max(max, v);
            }
        }
        b.append("<desc id=\"chart-desc\">")
                .append(intervals.size())
                .append(" intervals from ")
                .append(HHMM.format(intervals.get(0).from()))
                .append(" to ")
                .append(HHMM.format(intervals.get(intervals.size() - 1).to()))
                .append(" UTC, at most ")
                .append(String.format(Locale.US, "%,d", max))
                .append(" packets in one interval</desc>");
        int plotW = WIDTH - LEFT - RIGHT;
        int plotH = HEIGHT - TOP - BOTTOM;
        // axes and a few gridlines with their values
        for (int g = 0; g <= 4; g++) {
            double y = TOP + plotH - plotH * g / 4.0;
            b.append("<line class=\"grid\" x1=\"")
                    .append(LEFT)
                    .append("\" x2=\"")
                    .append(LEFT + plotW)
                    .append("\" y1=\"")
                    .append(fmt(y))
                    .append("\" y2=\"")
                    .append(fmt(y))
                    .append("\"/><text class=\"axis\" x=\"")
                    .append(LEFT - 6)
                    .append("\" y=\"")
                    .append(fmt(y + 4))
                    .append("\" text-anchor=\"end\">")
                    .append(String.format(Locale.US, "%,d", Math.round(max * g / 4.0)))
                    .append("</text>");
        }
        b.append("<text class=\"axis\" x=\"")
                .append(LEFT)
                .append("\" y=\"")
                .append(HEIGHT - 8)
                .append("\">")
                .append(HHMM.format(intervals.get(0).to()))
                .append("</text><text class=\"axis\" x=\"")
                .append(LEFT + plotW)
                .append("\" y=\"")
                .append(HEIGHT - 8)
                .append("\" text-anchor=\"end\">")
                .append(HHMM.format(intervals.get(intervals.size() - 1).to()))
                .append(" UTC</text>");
        int n = intervals.size();
        for (int si = 0; si < series.size(); si++) {
            String name = series.get(si);
            String colour = COLOURS[si % COLOURS.length];
            String dash = DASHES[si % DASHES.length];
            StringBuilder points = new StringBuilder();
            StringBuilder marks = new StringBuilder();
            for (int i = 0; i < n; i++) {
                double x = LEFT + (n == 1 ? plotW / 2.0 : plotW * i / (double) (n - 1));
                long v = intervals.get(i).dropped().getOrDefault(name, 0L);
                double y = TOP + plotH - plotH * v / (double) max;
                points.append(fmt(x)).append(',').append(fmt(y)).append(' ');
                if (n <= 60) {
                    marks.append(mark(si, x, y, colour));
                }
            }
            b.append("<polyline class=\"series\" data-series=\"")
                    .append(esc(name))
                    .append("\" fill=\"none\" stroke=\"")
                    .append(colour)
                    .append("\" stroke-width=\"2\"")
                    .append(dash.isEmpty() ? "" : " stroke-dasharray=\"" + dash + "\"")
                    .append(" points=\"")
                    .append(points.toString().trim())
                    .append("\"/>")
                    .append(marks);
            double ly = TOP + 8 + si * 20;
            b.append("<line x1=\"")
                    .append(WIDTH - RIGHT + 12)
                    .append("\" x2=\"")
                    .append(WIDTH - RIGHT + 40)
                    .append("\" y1=\"")
                    .append(fmt(ly))
                    .append("\" y2=\"")
                    .append(fmt(ly))
                    .append("\" stroke=\"")
                    .append(colour)
                    .append("\" stroke-width=\"2\"")
                    .append(dash.isEmpty() ? "" : " stroke-dasharray=\"" + dash + "\"")
                    .append("/>")
                    .append(mark(si, WIDTH - RIGHT + 26, ly, colour))
                    .append("<text class=\"legend\" x=\"")
                    .append(WIDTH - RIGHT + 46)
                    .append("\" y=\"")
                    .append(fmt(ly + 4))
                    .append("\">")
                    .append(esc(name))
                    .append("</text>");
        }
        return b.append("</svg>").toString();
    }

    /** Point shapes by series: circle, square, triangle, diamond. */
    private static String mark(int series, double x, double y, String colour) {
        String c = "fill=\"" + colour + "\"";
        return switch (series % 4) {
            case 0 -> "<circle cx=\"" + fmt(x) + "\" cy=\"" + fmt(y) + "\" r=\"3\" " + c + "/>";
            case 1 -> "<rect x=\"" + fmt(x - 3) + "\" y=\"" + fmt(y - 3) + "\" width=\"6\" height=\"6\" " + c + "/>";
            case 2 ->
                "<path d=\"M" + fmt(x) + " " + fmt(y - 4) + " L" + fmt(x + 4) + " " + fmt(y + 3) + " L" + fmt(x - 4)
                        + " " + fmt(y + 3) + " Z\" " + c + "/>";
            default ->
                "<path d=\"M" + fmt(x) + " " + fmt(y - 4) + " L" + fmt(x + 4) + " " + fmt(y) + " L" + fmt(x) + " "
                        + fmt(y + 4) + " L" + fmt(x - 4) + " " + fmt(y) + " Z\" " + c + "/>";
        };
    }

    private static String fmt(double d) {
        return String.format(Locale.US, "%.1f", d);
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    static String time(java.time.Instant t) {
        return HHMM.format(t);
    }
}
