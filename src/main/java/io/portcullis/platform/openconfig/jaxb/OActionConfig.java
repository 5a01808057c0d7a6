package io.portcullis.platform.openconfig.jaxb;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import javax.xml.namespace.QName;

@XmlAccessorType(XmlAccessType.FIELD)
public class OActionConfig {
    @XmlElement(name = "forwarding-action")
    public QName forwardingAction;

    @XmlElement(name = "log-action")
    public QName logAction;
}
