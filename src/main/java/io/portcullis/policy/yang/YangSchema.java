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
 * shipped in the jar ({@code yang/}) because building it takes a noticeable fraction of a second (~0.5 s of CPU in a
 * fresh CLI process: most of a {@code validate} after a policy change). The CLI may start that build on a background
 * thread while it sets up ({@link YangPolicyReader#warmUp}); whoever asks first builds, the others wait for it.
 */
public final class YangSchema {
    public static final String MODULE = "portcullis-policy";
    public static final String REVISION = "2026-11-28";
    public static final String NAMESPACE = "urn:portcullis:policy";
    public static final String RESOURCE = "yang/" + MODULE + "@" + REVISION + ".yang";

    private YangSchema() {}

    private static volatile EffectiveModelContext context;

    /**
     * Not a holder class on purpose: a failed build (a jar without the module) throws its own message to every caller,
     * where a failed class initialiser would leave the thread that came second with a bare NoClassDefFoundError.
     */
    public static EffectiveModelContext context() {
        EffectiveModelContext c = context;
        if (c == null) {
            synchronized (YangSchema.class) {
                c = context;
                if (c == null) {
                    c = build();
                    context = c;
                }
            }
        }
        return c;
    }

    /** Whether the context was built in this JVM already (tests of the background build). */
    static boolean built() {
        return context != null;
    }

    public static Module module() {
        return context().findModules(MODULE).iterator().next();
    }

    private static EffectiveModelContext build() {
        URL url = YangSchema.class.getClassLoader().getResource(RESOURCE);
        if (url == null) {
            throw new IllegalStateException(
                    "the policy YANG module " + RESOURCE + " is missing from the classpath; rebuild the jar");
        }
        try {
            YangParser parser = new DefaultYangParserFactory().createParser();
            parser.addSource(new URLYangTextSource(
                    new SourceIdentifier(MODULE, REVISION), url, java.nio.charset.StandardCharsets.UTF_8));
            return parser.buildEffectiveModel();
        } catch (Exception e) {
            throw new IllegalStateException(
                    "the policy YANG module " + RESOURCE + " does not compile: " + e.getMessage(), e);
        }
    }
}
