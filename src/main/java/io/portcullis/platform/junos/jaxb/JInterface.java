package io.portcullis.platform.junos.jaxb;

import jakarta.xml.bind.annotation.XmlElement;
import java.util.ArrayList;
import java.util.List;

/** {@code interfaces NAME}. */
public class JInterface {
    @XmlElement(name = "name")
    public String name;

    @XmlElement(name = "unit")
    public List<JUnit> units = new ArrayList<>();
}
