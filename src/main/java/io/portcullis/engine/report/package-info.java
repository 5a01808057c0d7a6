/**
 * What a run leaves behind: per-router outcomes and states, the run report, its JSON and JUnit renderings, and the
 * {@link io.portcullis.engine.report.RunListener} through which progress and recording observe a run.
 *
 * <p>Pure data and serialisation: imports no other engine room but {@code engine.targets}, never talks to a router.
 */
package io.portcullis.engine.report;
