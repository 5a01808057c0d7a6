package io.portcullis.platform.sros.jaxb;

import jakarta.xml.bind.annotation.XmlElement;
import java.util.ArrayList;
import java.util.List;

/** {@code match-list/port-list[port-list-name]}. */
public class SPortList {
    @XmlElement(name = "port-list-name")
    public String name;

    @XmlElement(name = "port")
    public List<SPortValue> port = new ArrayList<>();

    @XmlElement(name = "range")
    public List<SRange> range = new ArrayList<>();
}
