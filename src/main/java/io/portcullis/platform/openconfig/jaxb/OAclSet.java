package io.portcullis.platform.openconfig.jaxb;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlElementWrapper;
import java.util.ArrayList;
import java.util.List;
import javax.xml.namespace.QName;

@XmlAccessorType(XmlAccessType.FIELD)
public class OAclSet {
    public String name;
    public QName type;
    public OSetConfig config;

    @XmlElementWrapper(name = "acl-entries")
    @XmlElement(name = "acl-entry")
    public List<OEntry> entries = new ArrayList<>();
}
