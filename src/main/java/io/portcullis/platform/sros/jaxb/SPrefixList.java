package io.portcullis.platform.sros.jaxb;

import jakarta.xml.bind.annotation.XmlElement;
import java.util.ArrayList;
import java.util.List;

/** {@code match-list/ip-prefix-list|ipv6-prefix-list[prefix-list-name]}. */
public class SPrefixList {
    @XmlElement(name = "prefix-list-name")
    public String name;

    @XmlElement(name = "prefix")
    public List<SPrefix> prefix = new ArrayList<>();
}
