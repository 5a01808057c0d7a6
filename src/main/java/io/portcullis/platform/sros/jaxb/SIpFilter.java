package io.portcullis.platform.sros.jaxb;

import jakarta.xml.bind.annotation.XmlElement;
import java.util.ArrayList;
import java.util.List;

/** {@code ip-filter|ipv6-filter[filter-name]}. */
public class SIpFilter {
    @XmlElement(name = "filter-name")
    public String name;

    @XmlElement(name = "description")
    public String description;

    @XmlElement(name = "scope")
    public String scope;

    @XmlElement(name = "default-action")
    public String defaultAction;

    @XmlElement(name = "entry")
    public List<SEntry> entry = new ArrayList<>();

    @XmlElement(name = "embed")
    public SEmbed embed;
}
