package io.portcullis.platform.sros.jaxb;

import jakarta.xml.bind.annotation.XmlAnyElement;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import java.util.ArrayList;
import java.util.List;

/** {@code port-list/port[value]}. */
public class SPortValue {
    @XmlElement(name = "value")
    public String value;
}
