package io.portcullis.cli;

import io.smallrye.config.DotEnvConfigSourceProvider;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;

/**
 * Configuration for the plain start, with the sources and ordinals Quarkus uses at run time, so that
 * {@code ConfigDefaults} (option defaults such as {@code portcullis.policy}), {@code DbSettings} and the guards read
 * what they read under Quarkus: system properties (400), environment (300, {@code PORTCULLIS_POLICY} for
 * {@code portcullis.policy}), {@code .env} in the working directory (295), {@code config/application.properties} in
 * the working directory (260), {@code application.properties} in the jar (250), {@code META-INF/microprofile-config.properties}
 * (100); profile from {@code quarkus.profile}/{@code QUARKUS_PROFILE}, default {@code prod} ({@code %prod.} keys
 * apply), and {@code ${...}} expressions expanded. Quarkus' own build-time defaults are not there: no command of
 * the plain start reads a {@code quarkus.*} key.
 */
final class PlainConfig {
    private PlainConfig() {}

    static void install() {
        ClassLoader cl = PlainConfig.class.getClassLoader();
        SmallRyeConfigBuilder b = new SmallRyeConfigBuilder()
                .forClassLoader(cl)
                .addDefaultSources()
                .addDefaultInterceptors()
                .withSources(new DotEnvConfigSourceProvider())
                .withProfile(profile());
        try {
            Enumeration<URL> inJar = cl.getResources("application.properties");
            while (inJar.hasMoreElements()) {
                b.withSources(new PropertiesConfigSource(inJar.nextElement(), 250));
            }
            Path local = Path.of("config", "application.properties");
            if (Files.isRegularFile(local)) {
                b.withSources(new PropertiesConfigSource(local.toUri().toURL(), 260));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read application.properties: " + e.getMessage(), e);
        }
        Config config = b.build();
        ConfigProviderResolver resolver = ConfigProviderResolver.instance();
        register(resolver, config, cl);
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        if (context != null && context != cl) {
            register(
                    resolver, config, context); // ConfigProvider.getConfig() looks up the caller's context class loader
        }
    }

    private static void register(ConfigProviderResolver resolver, Config config, ClassLoader cl) {
        try {
            resolver.registerConfig(config, cl);
        } catch (IllegalStateException alreadyThere) {
            // a second install in one JVM (tests): keep the first
        }
    }

    private static String profile() {
        String p = System.getProperty("quarkus.profile");
        if (p == null || p.isBlank()) {
            p = System.getenv("QUARKUS_PROFILE");
        }
        return p == null || p.isBlank() ? "prod" : p;
    }
}
