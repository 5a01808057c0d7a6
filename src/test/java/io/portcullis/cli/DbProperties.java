package io.portcullis.cli;

import io.portcullis.store.DbSettings;

/**
 * Points in-process CLI runs at a test database: {@link DbSettings#current()} reads system properties live, as a
 * test JVM cannot set environment variables. Tests run one class at a time, so one set of properties is enough.
 */
public final class DbProperties {
    private DbProperties() {}

    public static void use(DbSettings s) {
        System.setProperty("portcullis.db.url", s.url());
        System.setProperty("portcullis.db.username", s.username());
        System.setProperty("portcullis.db.password", s.password());
        System.clearProperty("portcullis.db.enabled");
    }

    public static void off() {
        System.setProperty("portcullis.db.enabled", "false");
    }

    /** Back to the suite's own database (pom.xml points portcullis.db.url into target/), or the default. */
    public static void clear() {
        for (String k : new String[] {
            "portcullis.db.url", "portcullis.db.username", "portcullis.db.password", "portcullis.db.enabled"
        }) {
            System.clearProperty(k);
        }
        String suite = System.getProperty("portcullis.test.db.url");
        if (suite != null) {
            System.setProperty("portcullis.db.url", suite);
        }
    }
}
