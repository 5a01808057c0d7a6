package io.portcullis.platform.iosxr.jaxb;

import jakarta.xml.bind.annotation.XmlElement;
import java.util.ArrayList;
import java.util.List;

/** {@code ip-subscribers} / {@code ppps}. */
public class XTemplates {
    @XmlElement(name = "ip-subscriber")
    public List<XTemplate> ipSubscriber = new ArrayList<>();

    @XmlElement(name = "ppp")
    public List<XTemplate> ppp = new ArrayList<>();
}
