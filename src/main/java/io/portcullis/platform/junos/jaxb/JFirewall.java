package io.portcullis.platform.junos.jaxb;

import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlElements;
import java.util.ArrayList;
import java.util.List;

/** {@code firewall}: {@code family inet|inet6}, and the legacy family-less {@code filter} (= inet). */
public class JFirewall {
    @XmlElement(name = "family")
    public List<JFirewallFamily> family = new ArrayList<>();
    /** Legacy {@code firewall filter X} (family inet) with its annotations, in document order. */
    @XmlElements({
        @XmlElement(name = "filter", type = JFilter.class),
        @XmlElement(name = "comment", type = JComment.class)
    })
    public List<Object> items = new ArrayList<>();
}
