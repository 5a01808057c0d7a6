package io.portcullis.platform.openconfig.jaxb;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import javax.xml.namespace.QName;

@XmlAccessorType(XmlAccessType.FIELD)
public class OSetConfig {
    public String name;
    public QName type;
    public String description;
}
