package io.portcullis.verify;

import io.portcullis.intent.Feature;

/**
 * A declared reason why one platform may classify some packets differently from the others,
 * e.g. {@code new PlatformLimitation("vrp", Feature.EXEMPTIONS, "UCL cannot match destination prefixes")}:
 * a {@link Feature} missing from the platform's feature set. The platform is left out of the
 * comparison for exactly the packets the feature touches ({@link Equivalence}).
 */
public record PlatformLimitation(String platform, Feature feature, String reason) {}
