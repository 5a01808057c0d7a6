package io.portcullis.platform.iosxr.jaxb;

import jakarta.xml.bind.annotation.XmlElement;
import java.util.ArrayList;
import java.util.List;

/** {@code access-list-entries}. */
public class XEntries {
    @XmlElement(name = "access-list-entry")
    public List<XEntry> entry = new ArrayList<>();
}
