/**
 * One simulated router: {@link io.portcullis.lab.device.SimDevice} holds its datastores, locks across sessions,
 * confirmed commit 1.0/1.1 with persist, notifications, the RPC log tests assert on, and per-device fault
 * injection ({@link io.portcullis.lab.device.Faults}); {@link io.portcullis.lab.device.DeviceProfile} says what it
 * advertises and accepts (candidate, writable-running, confirmed-commit 1.0 or 1.1, modules).
 *
 * <p>May import {@code lab.datastore} and {@code netconf.xml}. Knows nothing about SSH (that is {@code lab.server}).
 */
package io.portcullis.lab.device;
