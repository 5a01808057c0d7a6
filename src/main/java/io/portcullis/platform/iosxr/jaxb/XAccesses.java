package io.portcullis.platform.iosxr.jaxb;

import jakarta.xml.bind.annotation.XmlElement;
import java.util.ArrayList;
import java.util.List;

/** {@code accesses}. */
public class XAccesses {
    @XmlElement(name = "access")
    public List<XAccess> access = new ArrayList<>();
}
