package io.portcullis.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Order statistics of a sample, in milliseconds, for benchmark printouts. */
record Stats(int n, double min, double median, double p90, double p99, double max) {

    static Stats of(List<Double> samples) {
        double[] s = samples.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (s.length == 0) {
            throw new IllegalArgumentException("no samples");
        }
        return new Stats(s.length, s[0], pick(s, 0.5), pick(s, 0.9), pick(s, 0.99), s[s.length - 1]);
    }

    private static double pick(double[] sorted, double q) {
        if (q == 0.5 && sorted.length % 2 == 0) {
            return (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
    }

    String line(String label) {
        return String.format(
                Locale.ROOT,
                "%-28s n=%-5d min=%8.2f  median=%8.2f  p90=%8.2f  p99=%8.2f  max=%8.2f ms",
                label,
                n,
                min,
                median,
                p90,
                p99,
                max);
    }

    static double[] toArray(List<Double> l) {
        return l.stream().mapToDouble(Double::doubleValue).toArray();
    }

    @Override
    public String toString() {
        return Arrays.toString(new double[] {min, median, p90, p99, max});
    }
}
