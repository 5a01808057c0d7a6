package io.portcullis.platform.ietf.jaxb;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import java.util.ArrayList;
import java.util.List;

@XmlAccessorType(XmlAccessType.FIELD)
public class IAttachmentPoints {
    @XmlElement(name = "interface")
    public List<IInterface> interfaces = new ArrayList<>();
}
