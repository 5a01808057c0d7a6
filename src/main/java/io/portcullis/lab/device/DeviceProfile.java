package io.portcullis.lab.device;

import java.util.List;

/**
 * What a simulated device advertises and accepts. Confirmed-commit 1.0 devices (Junos) know no persist
 * and no cancel-commit; devices without a candidate take edits on running only with :writable-running.
 *
 * @param moduleCapabilities module capability URIs of the platform's namespaces
 */
public record DeviceProfile(
        boolean candidate,
        boolean writableRunning,
        boolean confirmedCommit11,
        boolean startup,
        boolean rollbackOnError,
        boolean validate,
        List<String> moduleCapabilities) {
    public static final String BASE_10 = "urn:ietf:params:netconf:base:1.0";
    public static final String BASE_11 = "urn:ietf:params:netconf:base:1.1";
    private static final String CAP = "urn:ietf:params:netconf:capability:";

    public DeviceProfile {
        moduleCapabilities = List.copyOf(moduleCapabilities);
    }

    public DeviceProfile withConfirmedCommit11(boolean v) {
        return new DeviceProfile(candidate, writableRunning, v, startup, rollbackOnError, validate, moduleCapabilities);
    }

    public DeviceProfile withCandidate(boolean v) {
        return new DeviceProfile(
                v, writableRunning, confirmedCommit11, startup, rollbackOnError, validate, moduleCapabilities);
    }

    public DeviceProfile withWritableRunning(boolean v) {
        return new DeviceProfile(
                candidate, v, confirmedCommit11, startup, rollbackOnError, validate, moduleCapabilities);
    }

    public DeviceProfile withStartup(boolean v) {
        return new DeviceProfile(
                candidate, writableRunning, confirmedCommit11, v, rollbackOnError, validate, moduleCapabilities);
    }

    public DeviceProfile withRollbackOnError(boolean v) {
        return new DeviceProfile(
                candidate, writableRunning, confirmedCommit11, startup, v, validate, moduleCapabilities);
    }

    /** The capability URIs of the server hello. */
    public List<String> capabilities() {
        List<String> caps = new java.util.ArrayList<>(List.of(BASE_10, BASE_11));
        if (candidate) {
            caps.add(CAP + "candidate:1.0");
            caps.add(CAP + (confirmedCommit11 ? "confirmed-commit:1.1" : "confirmed-commit:1.0"));
        }
        if (writableRunning) {
            caps.add(CAP + "writable-running:1.0");
        }
        if (validate) {
            caps.add(CAP + "validate:1.1");
            caps.add(CAP + "validate:1.0");
        }
        if (rollbackOnError) {
            caps.add(CAP + "rollback-on-error:1.0");
        }
        if (startup) {
            caps.add(CAP + "startup:1.0");
        }
        caps.add("urn:ietf:params:netconf:capability:notification:1.0");
        caps.add("urn:ietf:params:netconf:capability:interleave:1.0");
        caps.add(
                "urn:ietf:params:xml:ns:yang:ietf-netconf-notifications?module=ietf-netconf-notifications&revision=2012-02-06");
        caps.addAll(moduleCapabilities);
        return caps;
    }
}
