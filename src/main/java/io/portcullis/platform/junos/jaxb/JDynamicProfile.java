package io.portcullis.platform.junos.jaxb;

import jakarta.xml.bind.annotation.XmlAnyElement;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlElements;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlValue;
import java.util.ArrayList;
import java.util.List;

/** {@code dynamic-profiles NAME interfaces ...}. */
public class JDynamicProfile {
    @XmlElement(name = "name")
    public String name;
    @XmlElement(name = "interfaces")
    public List<JInterfaces> interfaces = new ArrayList<>();
}
