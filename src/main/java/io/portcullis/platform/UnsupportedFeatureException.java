package io.portcullis.platform;

import io.portcullis.intent.Feature;

/**
 * The IR uses something the platform cannot express: names the {@link Feature} (a capability missing from the
 * platform's set, or the limit family a value breaks), the term and the platform, and the IR element in words.
 */
public class UnsupportedFeatureException extends RuntimeException {
    private final Feature kind;
    private final String feature;
    private final String term;
    private final String platform;

    /** @param what the IR element in one phrase, with the platform's reason in brackets where helpful */
    public UnsupportedFeatureException(Feature kind, String what, String term, String platform) {
        super(platform + " cannot express " + what + (term == null ? "" : " (term '" + term + "')"));
        this.kind = kind;
        this.feature = what;
        this.term = term;
        this.platform = platform;
    }

    /** Which entry of the one feature vocabulary this is. */
    public Feature kind() {
        return kind;
    }

    /** The IR element in words (as in the message). */
    public String feature() {
        return feature;
    }

    public String term() {
        return term;
    }

    public String platform() {
        return platform;
    }
}
