package io.portcullis.engine;

/** The tool version, recorded in plan files so apply can refuse a plan made by another version. */
public final class ToolVersion {
    private ToolVersion() {}

    public static String current() {
        String v = ToolVersion.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0-SNAPSHOT" : v;
    }
}
