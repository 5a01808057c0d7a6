package io.portcullis.platform.junos.jaxb;

import jakarta.xml.bind.annotation.XmlAnyElement;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlElements;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlValue;
import java.util.ArrayList;
import java.util.List;

/** {@code unit N family ...}. */
public class JUnit {
    @XmlElement(name = "name")
    public String name;
    @XmlElement(name = "family")
    public JUnitFamily family;
}
