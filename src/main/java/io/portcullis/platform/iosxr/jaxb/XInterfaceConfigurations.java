package io.portcullis.platform.iosxr.jaxb;

import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import java.util.ArrayList;
import java.util.List;

/** {@code interface-configurations}. */
@XmlRootElement(name = "interface-configurations")
public class XInterfaceConfigurations {
    @XmlElement(name = "interface-configuration")
    public List<XInterfaceConfiguration> items = new ArrayList<>();
}
