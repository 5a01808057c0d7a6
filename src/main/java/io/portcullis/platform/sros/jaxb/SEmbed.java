package io.portcullis.platform.sros.jaxb;

import jakarta.xml.bind.annotation.XmlElement;
import java.util.ArrayList;
import java.util.List;

/** {@code ip-filter|ipv6-filter/embed}: embedded filters (flowspec and others are not read). */
public class SEmbed {
    @XmlElement(name = "filter")
    public List<SEmbedFilter> filter = new ArrayList<>();
}
