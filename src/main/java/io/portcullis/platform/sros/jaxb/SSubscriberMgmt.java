package io.portcullis.platform.sros.jaxb;

import jakarta.xml.bind.annotation.XmlElement;
import java.util.ArrayList;
import java.util.List;

/** {@code configure/subscriber-mgmt}. */
public class SSubscriberMgmt {
    @XmlElement(name = "sla-profile")
    public List<SSlaProfile> slaProfile = new ArrayList<>();
}
