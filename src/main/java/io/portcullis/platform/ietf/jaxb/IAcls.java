package io.portcullis.platform.ietf.jaxb;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import java.util.ArrayList;
import java.util.List;

@XmlRootElement(name = "acls")
@XmlAccessorType(XmlAccessType.FIELD)
public class IAcls {
    public List<IAcl> acl = new ArrayList<>();

    @XmlElement(name = "attachment-points")
    public IAttachmentPoints attachmentPoints;
}
