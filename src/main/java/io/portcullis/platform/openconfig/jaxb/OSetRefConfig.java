package io.portcullis.platform.openconfig.jaxb;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import javax.xml.namespace.QName;

@XmlAccessorType(XmlAccessType.FIELD)
public class OSetRefConfig {
    @XmlElement(name = "set-name")
    public String setName;

    public QName type;
}
