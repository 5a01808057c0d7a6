/**
 * The soak under faults (issue 13 item 4): two real {@code serve} processes (leader and follower) on PostgreSQL
 * watching a lab fleet while this JVM injects random router faults ({@link io.portcullis.soak.FaultInjector}), makes
 * out-of-band changes ({@link io.portcullis.soak.OutOfBandChanges}) and runs CI-style applies of new policy revisions
 * and of saved plans through the CLI ({@link io.portcullis.soak.CiRuns}); at the end {@link io.portcullis.soak.SoakRun}
 * prints a verdict table ({@link io.portcullis.soak.Verdict}). {@code scripts/soak.sh} runs {@link
 * io.portcullis.soak.SoakMain}; {@link io.portcullis.soak.SoakTest} is the short version CI runs.
 *
 * <p>May import any production package and {@code io.portcullis.testing} (process launcher, webhook receiver,
 * process statistics); nothing imports it.
 */
package io.portcullis.soak;
