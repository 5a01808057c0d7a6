/**
 * Test support shared by every area: seeded random IR generators ({@link io.portcullis.testing.RandomIntents}),
 * the default policy's compiled intents ({@link io.portcullis.testing.DefaultPolicyIntents}), golden files
 * ({@link io.portcullis.testing.Golden}), the yanglint wrapper ({@link io.portcullis.testing.Yanglint}; tests that call
 * it are tagged {@code slow}), {@code ../shared} lookup ({@link io.portcullis.testing.SharedDir}) and the netconfd
 * connection settings ({@link io.portcullis.testing.NetconfdServer}).
 *
 * <p>May import any production package; production code never imports it.
 */
package io.portcullis.testing;
