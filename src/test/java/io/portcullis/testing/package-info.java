/**
 * Test support shared by every area: seeded random IR generators ({@link io.portcullis.testing.RandomIntents}),
 * the default policy's compiled intents ({@link io.portcullis.testing.DefaultPolicyIntents}), golden files
 * ({@link io.portcullis.testing.Golden}), the yanglint wrapper ({@link io.portcullis.testing.Yanglint}; tests that call
 * it are tagged {@code slow}), {@code ../shared} lookup ({@link io.portcullis.testing.SharedDir}) and the netconfd
 * connection settings ({@link io.portcullis.testing.NetconfdServer}). For tests that run the packaged application as real
 * processes: the launcher ({@link io.portcullis.testing.PortcullisProcess}), a started {@code serve} and its HTTP endpoints
 * ({@link io.portcullis.testing.ServeReplica}), a lab fleet's inventory with a password file
 * ({@link io.portcullis.testing.LabInventory}), out-of-band router changes ({@link io.portcullis.testing.OutOfBandEdits}),
 * heap/threads/fds of a process ({@link io.portcullis.testing.ProcessStats}) and the webhook receiver
 * ({@link io.portcullis.testing.HttpReceiver}).
 *
 * <p>May import any production package; production code never imports it.
 */
package io.portcullis.testing;
