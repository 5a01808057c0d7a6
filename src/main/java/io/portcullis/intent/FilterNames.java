package io.portcullis.intent;

/**
 * The names of the filters Portcullis owns, one per direction and address family. They live with the IR
 * rather than the compiler because the verifier and the readers recognise them too, and neither may
 * depend on how a policy is compiled.
 */
public final class FilterNames {
    /** Filters bound toward subscribers (access-side egress). */
    public static final String FILTER_V4 = Ownership.PREFIX + "SUBPROTECT-V4";

    public static final String FILTER_V6 = Ownership.PREFIX + "SUBPROTECT-V6";
    /** Filters bound from subscribers (access-side ingress); only when the policy has such services. */
    public static final String FILTER_IN_V4 = Ownership.PREFIX + "SUBPROTECT-IN-V4";

    public static final String FILTER_IN_V6 = Ownership.PREFIX + "SUBPROTECT-IN-V6";

    private FilterNames() {}

    public static String filterName(Direction direction, AddressFamily family) {
        boolean v4 = family == AddressFamily.IPV4;
        return direction == Direction.TO_SUBSCRIBER ? (v4 ? FILTER_V4 : FILTER_V6) : (v4 ? FILTER_IN_V4 : FILTER_IN_V6);
    }
}
