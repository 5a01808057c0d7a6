package io.portcullis.platform.junos.jaxb;

import jakarta.xml.bind.annotation.XmlAnyElement;
import jakarta.xml.bind.annotation.XmlElement;
import java.util.ArrayList;
import java.util.List;

/** {@code term then}: presence leaves are non-null (usually "") when present. */
public class JThen {
    @XmlElement(name = "accept")
    public String accept;

    @XmlElement(name = "discard")
    public String discard;

    @XmlElement(name = "reject")
    public String reject;

    @XmlElement(name = "count")
    public String count;

    @XmlElement(name = "log")
    public String log;

    @XmlElement(name = "syslog")
    public String syslog;

    @XmlAnyElement
    public List<Object> other = new ArrayList<>();
}
