package io.portcullis.platform.junos.jaxb;

import jakarta.xml.bind.annotation.XmlElement;
import java.util.ArrayList;
import java.util.List;

/** {@code firewall family}. */
public class JFirewallFamily {
    @XmlElement(name = "inet")
    public List<JFilters> inet = new ArrayList<>();

    @XmlElement(name = "inet6")
    public List<JFilters> inet6 = new ArrayList<>();
}
