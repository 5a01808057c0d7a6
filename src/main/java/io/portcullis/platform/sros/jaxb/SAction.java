package io.portcullis.platform.sros.jaxb;

import jakarta.xml.bind.annotation.XmlAnyElement;
import jakarta.xml.bind.annotation.XmlElement;
import java.util.ArrayList;
import java.util.List;

/** {@code entry/action}: presence leaves are non-null when present. */
public class SAction {
    @XmlElement(name = "accept")
    public String accept;

    @XmlElement(name = "drop")
    public String drop;

    @XmlAnyElement
    public List<Object> other = new ArrayList<>();
}
