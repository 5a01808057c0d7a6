package io.portcullis.policy.yang;

import java.net.URL;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.api.Module;
import org.opendaylight.yangtools.yang.model.api.source.SourceIdentifier;
import org.opendaylight.yangtools.yang.model.spi.source.URLYangTextSource;
import org.opendaylight.yangtools.yang.parser.api.YangParser;
import org.opendaylight.yangtools.yang.parser.impl.DefaultYangParserFactory;

/**
 * Our policy module as a yangtools {@link EffectiveModelContext}, built once per JVM from the copy
 * shipped in the jar ({@code yang/}) because building it takes a noticeable fraction of a second.
 */
public final class YangSchema {
    public static final String MODULE = "portcullis-policy";
    public static final String REVISION = "2026-11-28";
    public static final String NAMESPACE = "urn:portcullis:policy";
    public static final String RESOURCE = "yang/" + MODULE + "@" + REVISION + ".yang";

    private YangSchema() {
    }

    private static final class Holder {
        static final EffectiveModelContext CONTEXT = build();
    }

    public static EffectiveModelContext context() {
        return Holder.CONTEXT;
    }

    public static Module module() {
        return context().findModules(MODULE).iterator().next();
    }

    private static EffectiveModelContext build() {
        URL url = YangSchema.class.getClassLoader().getResource(RESOURCE);
        if (url == null) {
            throw new IllegalStateException("the policy YANG module " + RESOURCE + " is missing from the classpath; rebuild the jar");
        }
        try {
            YangParser parser = new DefaultYangParserFactory().createParser();
            parser.addSource(new URLYangTextSource(new SourceIdentifier(MODULE, REVISION), url, java.nio.charset.StandardCharsets.UTF_8));
            return parser.buildEffectiveModel();
        } catch (Exception e) {
            throw new IllegalStateException("the policy YANG module " + RESOURCE + " does not compile: " + e.getMessage(), e);
        }
    }
}
