package io.portcullis.bench;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Benchmarks run outside Quarkus, where the JBoss log manager keeps Quarkus' start-up configuration: every level
 * enabled and records buffered for a runtime that never starts. MINA SSHD then formats hex dumps of every packet for
 * trace logging nobody reads. The product (Quarkus app) logs at WARN with MINA at ERROR; benchmarks do the same.
 */
public final class BenchLogging {
    private BenchLogging() {}

    public static void likeTheProduct() {
        Logger.getLogger("").setLevel(Level.WARNING);
        Logger.getLogger("org.apache.sshd").setLevel(Level.SEVERE);
    }
}
