package io.portcullis.platform.junos.jaxb;

import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlElements;
import java.util.ArrayList;
import java.util.List;

/** {@code firewall family inet|inet6}: filters with their annotations, in document order. */
public class JFilters {
    @XmlElements({
        @XmlElement(name = "filter", type = JFilter.class),
        @XmlElement(name = "comment", type = JComment.class)
    })
    public List<Object> items = new ArrayList<>();
}
