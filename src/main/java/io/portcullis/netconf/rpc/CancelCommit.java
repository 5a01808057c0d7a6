package io.portcullis.netconf.rpc;

import java.util.List;

/** {@code <cancel-commit>} (confirmed-commit 1.1): revert a pending confirmed commit now. */
public record CancelCommit(String persistId) implements NetconfRpc {
    public static CancelCommit ofThisSession() {
        return new CancelCommit(null);
    }

    @Override
    public String name() {
        return "cancel-commit";
    }

    @Override
    public List<String> requiredCapabilities() {
        return List.of(":candidate", ":confirmed-commit:1.1");
    }

    @Override
    public String toXml() {
        return persistId == null
                ? "<cancel-commit/>"
                : "<cancel-commit><persist-id>" + Esc.text(persistId) + "</persist-id></cancel-commit>";
    }
}
