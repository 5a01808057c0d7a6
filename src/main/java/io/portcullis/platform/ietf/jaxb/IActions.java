package io.portcullis.platform.ietf.jaxb;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import javax.xml.namespace.QName;

@XmlAccessorType(XmlAccessType.FIELD)
public class IActions {
    public QName forwarding;
    public QName logging;
}
