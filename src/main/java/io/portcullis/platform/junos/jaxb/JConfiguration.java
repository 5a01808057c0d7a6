package io.portcullis.platform.junos.jaxb;

import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import java.util.ArrayList;
import java.util.List;

/** {@code <configuration>}. */
@XmlRootElement(name = "configuration")
public class JConfiguration {
    @XmlElement(name = "firewall")
    public List<JFirewall> firewall = new ArrayList<>();

    @XmlElement(name = "interfaces")
    public List<JInterfaces> interfaces = new ArrayList<>();

    @XmlElement(name = "dynamic-profiles")
    public List<JDynamicProfile> dynamicProfiles = new ArrayList<>();
}
