package io.portcullis.platform.iosxr.jaxb;

import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;

/** {@code dynamic-template}: ip-subscriber and ppp templates. */
@XmlRootElement(name = "dynamic-template")
public class XDynamicTemplate {
    @XmlElement(name = "ip-subscribers")
    public XTemplates ipSubscribers;

    @XmlElement(name = "ppps")
    public XTemplates ppps;
}
