/**
 * The project's one JSON configuration ({@link io.portcullis.json.JsonMappers}): every mapper starts from the same
 * base (ISO-8601 timestamps, java.time support, unknown properties tolerated on read) and differs only where its
 * output is a contract (pretty and sorted plan files, compact canonical digests, key order of the verify document).
 *
 * <p>Imports Jackson only, so any package may use it. {@code netconf} does not (it has no JSON and stays free of
 * project imports).
 */
package io.portcullis.json;
