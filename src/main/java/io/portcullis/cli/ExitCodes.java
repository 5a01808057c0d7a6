package io.portcullis.cli;

/** Exit codes of design.md section 4; usage errors use 64 because 2 means "changes". */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int ERROR = 1;
    public static final int CHANGES = 2;
    public static final int VIOLATED = 3;
    public static final int USAGE = 64;

    private ExitCodes() {}
}
