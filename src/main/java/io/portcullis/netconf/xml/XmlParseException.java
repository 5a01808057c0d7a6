package io.portcullis.netconf.xml;

import java.io.IOException;

/** A document was not well-formed, contained a DTD, or exceeded an {@link XmlLimits} cap. */
public class XmlParseException extends IOException {
    private static final long serialVersionUID = 1L;

    public XmlParseException(String message) {
        super(message);
    }

    public XmlParseException(String message, Throwable cause) {
        super(message, cause);
    }
}
