package io.portcullis.platform.junos.jaxb;

import jakarta.xml.bind.annotation.XmlElement;
import java.util.ArrayList;
import java.util.List;

/** {@code interfaces} (top level or inside a dynamic profile). */
public class JInterfaces {
    @XmlElement(name = "interface")
    public List<JInterface> interfaces = new ArrayList<>();
}
