package io.portcullis.netconf.rpc;

import java.util.List;
import java.util.Objects;

/**
 * {@code <edit-config>}. The config fragment declares its own namespaces. Null options are left out (server
 * defaults: merge, test-then-set, stop-on-error).
 */
public record EditConfig(
        Datastore target,
        String config,
        DefaultOperation defaultOperation,
        TestOption testOption,
        ErrorOption errorOption)
        implements NetconfRpc {

    public enum DefaultOperation {
        MERGE,
        REPLACE,
        NONE
    }

    /** test-only needs :validate:1.1; the others need :validate. */
    public enum TestOption {
        TEST_THEN_SET,
        SET,
        TEST_ONLY
    }

    /** rollback-on-error needs :rollback-on-error. */
    public enum ErrorOption {
        STOP_ON_ERROR,
        CONTINUE_ON_ERROR,
        ROLLBACK_ON_ERROR
    }

    public EditConfig {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(config, "config");
    }

    public static EditConfig of(Datastore target, String config) {
        return new EditConfig(target, config, null, null, null);
    }

    public EditConfig withDefaultOperation(DefaultOperation op) {
        return new EditConfig(target, config, op, testOption, errorOption);
    }

    public EditConfig withTestOption(TestOption option) {
        return new EditConfig(target, config, defaultOperation, option, errorOption);
    }

    public EditConfig withErrorOption(ErrorOption option) {
        return new EditConfig(target, config, defaultOperation, testOption, option);
    }

    @Override
    public String name() {
        return "edit-config";
    }

    @Override
    public List<String> requiredCapabilities() {
        return new Caps()
                .add(target.writable())
                .addIf(testOption != null && testOption != TestOption.TEST_ONLY, ":validate")
                .addIf(testOption == TestOption.TEST_ONLY, ":validate:1.1")
                .addIf(errorOption == ErrorOption.ROLLBACK_ON_ERROR, ":rollback-on-error")
                .list();
    }

    @Override
    public String toXml() {
        StringBuilder sb = new StringBuilder(config.length() + 256)
                .append("<edit-config><target>")
                .append(target.element())
                .append("</target>");
        if (defaultOperation != null) {
            sb.append("<default-operation>").append(wire(defaultOperation)).append("</default-operation>");
        }
        if (testOption != null) {
            sb.append("<test-option>").append(wire(testOption)).append("</test-option>");
        }
        if (errorOption != null) {
            sb.append("<error-option>").append(wire(errorOption)).append("</error-option>");
        }
        return sb.append("<config>")
                .append(config)
                .append("</config></edit-config>")
                .toString();
    }

    static String wire(Enum<?> e) {
        return e.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
