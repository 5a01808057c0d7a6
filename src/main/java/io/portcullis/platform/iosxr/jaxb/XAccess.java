package io.portcullis.platform.iosxr.jaxb;

import jakarta.xml.bind.annotation.XmlElement;

/** {@code access}: keyed by {@code access-list-name} (IPv4) or {@code name} (IPv6). */
public class XAccess {
    @XmlElement(name = "access-list-name")
    public String accessListName;

    @XmlElement(name = "name")
    public String name;

    @XmlElement(name = "access-list-entries")
    public XEntries entries;

    public String key() {
        return accessListName != null ? accessListName : name;
    }
}
