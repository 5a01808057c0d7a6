package io.portcullis.platform.ietf.jaxb;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlElementWrapper;
import java.util.ArrayList;
import java.util.List;

@XmlAccessorType(XmlAccessType.FIELD)
public class IDirection {
    @XmlElementWrapper(name = "acl-sets")
    @XmlElement(name = "acl-set")
    public List<IAclSetRef> sets = new ArrayList<>();
}
