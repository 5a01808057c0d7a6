/**
 * What a run's routers become in the run history, written once for both recorders: the command line's
 * ({@code cli.CliRecorder}) and the service's ({@code api.ServiceRecorder}). {@link io.portcullis.recording.RouterRecords}
 * turns an apply's {@code RouterOutcome} and a plan's (or drift run's) {@code RouterPlan} into the store's
 * {@code RouterRecord}; {@link io.portcullis.recording.OutcomesOnce} writes each router's outcome once per apply (again
 * only when its final outcome differs).
 *
 * <p>Imports: {@code engine.report}, {@code engine.plan}, {@code diff} and {@code store}, nothing else of Portcullis.
 * Only {@code cli} and {@code api} import it (ArchitectureTest), so it never becomes a way for the engine to reach
 * the database, nor for the service to reach the command line.
 */
package io.portcullis.recording;
