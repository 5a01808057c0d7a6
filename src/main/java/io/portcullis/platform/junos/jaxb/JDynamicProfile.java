package io.portcullis.platform.junos.jaxb;

import jakarta.xml.bind.annotation.XmlElement;
import java.util.ArrayList;
import java.util.List;

/** {@code dynamic-profiles NAME interfaces ...}. */
public class JDynamicProfile {
    @XmlElement(name = "name")
    public String name;

    @XmlElement(name = "interfaces")
    public List<JInterfaces> interfaces = new ArrayList<>();
}
