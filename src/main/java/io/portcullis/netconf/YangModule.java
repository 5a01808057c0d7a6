package io.portcullis.netconf;

import java.util.List;

/**
 * A YANG module advertised in a hello capability URI ({@code namespace?module=m&revision=r&features=a,b&deviations=d}).
 *
 * @param name module name
 * @param namespace module namespace (the URI before '?')
 * @param revision revision date or null
 * @param features enabled features
 * @param deviations modules deviating this one
 */
public record YangModule(
        String name, String namespace, String revision, List<String> features, List<String> deviations) {
    public YangModule {
        features = List.copyOf(features);
        deviations = List.copyOf(deviations);
    }
}
