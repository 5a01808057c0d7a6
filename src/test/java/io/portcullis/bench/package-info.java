/**
 * Benchmark mains (run by the scripts under {@code scripts/}, see docs/benchmarks.md) and their helpers
 * ({@link io.portcullis.bench.BenchLogging}, {@link io.portcullis.bench.Stats}). Never part of a test run.
 */
package io.portcullis.bench;
