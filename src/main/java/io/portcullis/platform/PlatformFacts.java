package io.portcullis.platform;

import io.portcullis.intent.Action;
import io.portcullis.intent.Feature;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What a platform can express and how it commits; the compiler, engine, verifier and docs consult
 * these instead of hard-coding vendor names.
 *
 * @param implicitDefault what the platform does with a packet no term matches
 * @param features        what the platform can express (one {@link Feature} vocabulary; limits are always in)
 * @param namespaces      the XML namespaces of the managed subtree, for the diff and the lab
 */
public record PlatformFacts(
        String displayName, Action implicitDefault, Set<Feature> features, List<String> namespaces) {
    public PlatformFacts {
        EnumSet<Feature> all = features.isEmpty() ? EnumSet.noneOf(Feature.class) : EnumSet.copyOf(features);
        for (Feature f : Feature.values()) {
            if (f.limit()) {
                all.add(f);
            }
        }
        features = Collections.unmodifiableSet(all);
        namespaces = List.copyOf(namespaces);
    }

    public boolean supports(Feature f) {
        return features.contains(f);
    }

    /** The capabilities this platform lacks, in enum order. */
    public Set<Feature> missing() {
        EnumSet<Feature> out =
                EnumSet.complementOf(EnumSet.copyOf(features.isEmpty() ? EnumSet.noneOf(Feature.class) : features));
        return Collections.unmodifiableSet(out);
    }

    /**
     * Refuses an IR that needs a feature this platform lacks.
     *
     * @param platform inventory id, for the message
     * @param term     the term that needs it, or null
     * @param what     the IR element in one phrase ("a source-port match", "a binding of X at interface Y")
     * @throws UnsupportedFeatureException when {@code f} is not in {@link #features()}
     */
    public void require(Feature f, String platform, String term, String what) {
        if (!supports(f)) {
            throw new UnsupportedFeatureException(f, what, term, platform);
        }
    }
}
