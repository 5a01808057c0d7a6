package io.portcullis.platform.junos.jaxb;

import jakarta.xml.bind.annotation.XmlValue;

/** {@code junos:comment}: annotates the statement that follows it. */
public class JComment {
    @XmlValue
    public String text;
}
