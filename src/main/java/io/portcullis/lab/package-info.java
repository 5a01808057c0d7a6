/**
 * {@code portcullis lab}: simulated NETCONF routers on loopback (server side), for tests, demos and benchmarks.
 *
 * <p>One JVM serves N devices through one MINA {@code SshServer} (one port and host key per device, shared IO
 * threads). Each device has its own running/candidate/startup datastores with real edit-config semantics
 * ({@link io.portcullis.lab.datastore}), locks across sessions, confirmed commit 1.0/1.1, notifications, a full
 * RPC log and per-device fault injection ({@link io.portcullis.lab.device.Faults}). Uses only the framing and XML
 * code of {@code io.portcullis.netconf}.
 *
 * <pre>{@code
 * try (LabFleet fleet = LabFleet.builder()
 *         .devices(10)                       // round-robin over junos, iosxr, sros, vrp, openconfig, ietf
 *         .platforms("openconfig,junos")     // optional
 *         .portBase(0)                       // 0 = ephemeral ports (tests); portBase + i otherwise
 *         .password("secret")                // default: random, see fleet.password()
 *         .start()) {
 *     fleet.writeInventory(dir, "PORTCULLIS_LAB_PASSWORD");   // hosts/groups/defaults.yaml + known_hosts
 *     SimDevice r1 = fleet.device(0);                          // or fleet.device("lab-openconfig-001")
 *     r1.port(); r1.hostKey();                                 // where and who it is
 *
 *     r1.faults().failValidate("/acl/acl-sets", "bad ACE");   // D.3 #22
 *     fleet.device(3).faults().dropConnectionAfter("commit"); // D.1 #2
 *     fleet.device(4).outOfBandLock();                         // CLI holds the candidate lock (session-id 0)
 *
 *     // ... run plan/apply/drift against dir ...
 *
 *     assertThat(fleet.device(5).rpcLog().touched()).isFalse();        // "never touched": no lock/edit/commit
 *     assertThat(r1.rpcLog().operations()).doesNotContain("edit-config");
 *     assertThat(r1.runningXml()).contains("SUB-PROTECT-V4");          // read back from the device
 *     r1.outOfBandEdit("<configuration>...</configuration>");          // drift, with a config-change notification
 * }
 * }</pre>
 */
package io.portcullis.lab;
