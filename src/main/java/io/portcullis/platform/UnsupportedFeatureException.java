package io.portcullis.platform;

/** The IR uses a feature the platform cannot express; names feature, term and platform. */
public class UnsupportedFeatureException extends RuntimeException {
    private final String feature;
    private final String term;
    private final String platform;

    public UnsupportedFeatureException(String feature, String term, String platform) {
        super(platform + " cannot express " + feature + (term == null ? "" : " (term '" + term + "')"));
        this.feature = feature;
        this.term = term;
        this.platform = platform;
    }

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
