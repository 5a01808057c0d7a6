package io.portcullis.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Output files (--report, --junit, --out) checked before any router is touched: finding out that a report cannot be
 * written after the fleet was changed would leave CI with a changed fleet, no report and no summary.
 */
final class OutputPaths {
    private OutputPaths() {}

    /** True when every given path can be written; otherwise says which one and why, on err. Null paths are skipped. */
    static boolean writable(String command, PrintWriter err, Path... paths) {
        for (Path p : paths) {
            if (p == null) {
                continue;
            }
            Path abs = p.toAbsolutePath();
            Path dir = abs.getParent();
            String problem = null;
            if (Files.isDirectory(abs)) {
                problem = "is a directory";
            } else if (dir == null || !Files.isDirectory(dir)) {
                problem = "is in a directory that does not exist (" + dir + ")";
            } else if (Files.exists(abs) ? !Files.isWritable(abs) : !Files.isWritable(dir)) {
                problem = "cannot be written (permissions)";
            }
            if (problem != null) {
                err.println("portcullis " + command + ": " + p + " " + problem
                        + "; nothing was done. Choose another path.");
                return false;
            }
        }
        return true;
    }
}
