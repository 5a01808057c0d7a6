package io.portcullis.netconf.xml;

/**
 * Caps applied to every parse. NETCONF never needs a DTD, so entity limits only matter as a second line of defence.
 *
 * @param maxBytes largest document accepted (checked before parsing)
 * @param maxDepth deepest element nesting accepted
 * @param maxAttributes most attributes on one element
 * @param maxNameLength longest element/attribute name
 */
public record XmlLimits(int maxBytes, int maxDepth, int maxAttributes, int maxNameLength) {
    /** 256 MiB documents, depth 512, 1,000 attributes per element, 1,000-character names. */
    public static final XmlLimits DEFAULT = new XmlLimits(256 * 1024 * 1024, 512, 1000, 1000);

    public XmlLimits {
        if (maxBytes < 1 || maxDepth < 1 || maxAttributes < 1 || maxNameLength < 1) {
            throw new IllegalArgumentException("XML limits must be positive");
        }
    }
}
