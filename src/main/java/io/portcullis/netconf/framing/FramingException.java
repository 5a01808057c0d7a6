package io.portcullis.netconf.framing;

import java.io.IOException;

/**
 * The peer violated RFC 6242 framing (or a local cap). Fatal for the session: the byte stream can no longer be
 * trusted to be aligned on message boundaries, so no partial message is ever delivered after this.
 */
public class FramingException extends IOException {
    private static final long serialVersionUID = 1L;

    public FramingException(String message) {
        super(message);
    }
}
