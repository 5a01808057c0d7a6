package io.portcullis.soak;

import java.nio.file.Path;
import java.security.SecureRandom;

/**
 * {@code scripts/soak.sh [MINUTES]}: the soak as a program. Environment: {@code SOAK_SEED} (replay a seed),
 * {@code SOAK_ROUTERS} (default 1000), {@code SOAK_STATE} (default {@code .run/soak}). Exit 0 when every check holds,
 * 1 when one does not, 2 when the soak could not run.
 */
public final class SoakMain {
    private SoakMain() {}

    public static void main(String[] args) {
        double minutes = args.length > 0 ? Double.parseDouble(args[0]) : 30;
        int routers = Integer.parseInt(env("SOAK_ROUTERS", "1000"));
        long seed = System.getenv("SOAK_SEED") != null
                ? Long.parseLong(System.getenv("SOAK_SEED"))
                : new SecureRandom().nextLong();
        SoakSettings s = SoakSettings.of(
                minutes, routers, seed, Path.of(env("SOAK_STATE", ".run/soak")).toAbsolutePath());
        int exit;
        try {
            Verdict v = SoakRun.run(s, System.out);
            v.print(System.out);
            exit = v.ok() ? 0 : 1;
        } catch (Exception | AssertionError e) {
            System.out.println("soak: could not run: " + e);
            e.printStackTrace();
            exit = 2;
        }
        System.out.println("soak: seed " + seed);
        System.exit(exit);
    }

    private static String env(String name, String dflt) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? dflt : v;
    }
}
