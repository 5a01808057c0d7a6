package io.portcullis.platform.iosxr.jaxb;

import jakarta.xml.bind.annotation.XmlAnyElement;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import java.util.ArrayList;
import java.util.List;

/** {@code inbound} / {@code outbound}: the ACL name. */
public class XBound {
    @XmlElement(name = "name")
    public String name;
}
