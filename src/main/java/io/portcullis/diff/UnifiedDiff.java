package io.portcullis.diff;

import java.util.ArrayList;
import java.util.List;

/**
 * A plain unified diff of two texts (LCS over lines, three lines of context), used to show a
 * change in the platform's own terms: the diff of {@code renderText} before and after.
 */
public final class UnifiedDiff {
    private static final int CONTEXT = 3;

    private UnifiedDiff() {
    }

    public static String diff(String before, String after, String beforeLabel, String afterLabel) {
        String[] a = lines(before);
        String[] b = lines(after);
        List<Op> ops = script(a, b);
        if (ops.stream().allMatch(o -> o.kind == ' ')) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        out.append("--- ").append(beforeLabel).append('\n').append("+++ ").append(afterLabel).append('\n');
        int i = 0;
        while (i < ops.size()) {
            if (ops.get(i).kind == ' ') {
                i++;
                continue;
            }
            int start = Math.max(0, i - CONTEXT);
            // extend the hunk while the next change is within 2*CONTEXT lines
            int lastChange = i;
            for (int j = i; j < ops.size(); j++) {
                if (ops.get(j).kind != ' ') {
                    lastChange = j;
                } else if (j - lastChange > 2 * CONTEXT) {
                    break;
                }
            }
            int end = Math.min(ops.size() - 1, lastChange + CONTEXT);
            int aStart = ops.get(start).aLine;
            int bStart = ops.get(start).bLine;
            int aCount = 0;
            int bCount = 0;
            StringBuilder body = new StringBuilder();
            for (int j = start; j <= end; j++) {
                Op o = ops.get(j);
                body.append(o.kind).append(o.text).append('\n');
                if (o.kind != '+') {
                    aCount++;
                }
                if (o.kind != '-') {
                    bCount++;
                }
            }
            out.append("@@ -").append(aStart + 1).append(',').append(aCount).append(" +").append(bStart + 1).append(',')
                    .append(bCount).append(" @@\n").append(body);
            i = end + 1;
        }
        return out.toString();
    }

    private record Op(char kind, String text, int aLine, int bLine) {
    }

    private static List<Op> script(String[] a, String[] b) {
        int[][] lcs = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                lcs[i][j] = a[i].equals(b[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<Op> ops = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.length || j < b.length) {
            if (i < a.length && j < b.length && a[i].equals(b[j])) {
                ops.add(new Op(' ', a[i], i, j));
                i++;
                j++;
            } else if (i < a.length && (j == b.length || lcs[i + 1][j] >= lcs[i][j + 1])) {
                ops.add(new Op('-', a[i], i, j)); // deletions first, as diff(1) prints them
                i++;
            } else {
                ops.add(new Op('+', b[j], i, j));
                j++;
            }
        }
        return ops;
    }

    private static String[] lines(String s) {
        if (s == null || s.isEmpty()) {
            return new String[0];
        }
        String t = s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
        return t.split("\r?\n", -1);
    }
}
