package io.portcullis.platform.junos.jaxb;

import jakarta.xml.bind.annotation.XmlAnyElement;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlElements;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlValue;
import java.util.ArrayList;
import java.util.List;

/** {@code unit family inet|inet6}. */
public class JUnitFamily {
    @XmlElement(name = "inet")
    public JUnitAf inet;
    @XmlElement(name = "inet6")
    public JUnitAf inet6;
}
