package io.portcullis.cli;

import io.portcullis.engine.ToolVersion;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * {@code --version}: the tool version plus what a bug report needs — the git commit and build time
 * (from {@code build-info.properties}, filtered at build time) and the Java and Quarkus versions.
 */
public class VersionProvider implements IVersionProvider {
    static final String BUILD_INFO = "/io/portcullis/build-info.properties";

    @Override
    public String[] getVersion() {
        Properties p = buildInfo();
        String commit = known(p.getProperty("commit"));
        String dirty = "true".equals(p.getProperty("dirty")) ? " (uncommitted changes)" : "";
        return new String[] {
            "portcullis " + ToolVersion.current(),
            "commit " + commit + dirty + ", built " + known(p.getProperty("build-time")),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + "), Quarkus "
                    + known(p.getProperty("quarkus"))
        };
    }

    private static Properties buildInfo() {
        Properties p = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream(BUILD_INFO)) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException unreadable) {
            // a broken jar still answers --version, with "unknown" fields
        }
        return p;
    }

    /** An unfiltered placeholder (a build without git) reads as "unknown", never as "${...}". */
    private static String known(String v) {
        return v == null || v.isBlank() || v.startsWith("${") ? "unknown" : v;
    }
}
