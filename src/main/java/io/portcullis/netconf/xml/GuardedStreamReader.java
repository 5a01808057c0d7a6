package io.portcullis.netconf.xml;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;

/**
 * StAX with {@code SUPPORT_DTD=false} silently skips a DOCTYPE and reports unresolved entity references as events;
 * NETCONF never has either, so this reader refuses both outright, and enforces the depth cap itself as well.
 */
final class GuardedStreamReader extends StreamReaderDelegate {
    private final int maxDepth;
    private int depth;

    GuardedStreamReader(XMLStreamReader reader, int maxDepth) {
        super(reader);
        this.maxDepth = maxDepth;
    }

    @Override
    public int next() throws XMLStreamException {
        int event = super.next();
        switch (event) {
            case XMLStreamConstants.DTD -> throw new XMLStreamException("DOCTYPE is disallowed");
            case XMLStreamConstants.ENTITY_REFERENCE ->
                throw new XMLStreamException("entity reference is disallowed: " + getLocalName());
            case XMLStreamConstants.START_ELEMENT -> {
                if (++depth > maxDepth) {
                    throw new XMLStreamException("element nesting deeper than " + maxDepth);
                }
            }
            case XMLStreamConstants.END_ELEMENT -> depth--;
            default -> {}
        }
        return event;
    }

    @Override
    public int nextTag() throws XMLStreamException {
        int event = next();
        while ((event == XMLStreamConstants.CHARACTERS && isWhiteSpace())
                || (event == XMLStreamConstants.CDATA && isWhiteSpace())
                || event == XMLStreamConstants.SPACE
                || event == XMLStreamConstants.PROCESSING_INSTRUCTION
                || event == XMLStreamConstants.COMMENT) {
            event = next();
        }
        if (event != XMLStreamConstants.START_ELEMENT && event != XMLStreamConstants.END_ELEMENT) {
            throw new XMLStreamException("expected start or end tag", getLocation());
        }
        return event;
    }
}
