package io.portcullis.cli;

import java.util.Locale;
import org.eclipse.microprofile.config.ConfigProvider;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Option defaults from SmallRye Config: {@code --confirm-timeout} reads {@code portcullis.confirm-timeout}
 * (env {@code PORTCULLIS_CONFIRM_TIMEOUT}, application.properties, …) before the annotated default.
 */
final class ConfigDefaults implements IDefaultValueProvider {
    @Override
    public String defaultValue(ArgSpec argSpec) {
        if (!(argSpec instanceof OptionSpec option)) {
            return null;
        }
        String key =
                "portcullis." + option.longestName().replaceFirst("^-+", "").toLowerCase(Locale.ROOT);
        try {
            return ConfigProvider.getConfig()
                    .getOptionalValue(key, String.class)
                    .orElse(null);
        } catch (IllegalStateException noConfig) {
            return null;
        }
    }

    /** Whether configuration (environment, system property, application.properties) sets this key explicitly. */
    static boolean isSet(String key) {
        try {
            return ConfigProvider.getConfig()
                    .getOptionalValue(key, String.class)
                    .isPresent();
        } catch (IllegalStateException noConfig) {
            return false;
        }
    }
}
