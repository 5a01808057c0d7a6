package io.portcullis.platform.junos.jaxb;

import jakarta.xml.bind.annotation.XmlAnyElement;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlElements;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlValue;
import java.util.ArrayList;
import java.util.List;

/** {@code filter NAME}: terms with their annotations, in document order. */
public class JFilter {
    @XmlElement(name = "name")
    public String name;
    @XmlElements({@XmlElement(name = "term", type = JTerm.class), @XmlElement(name = "comment", type = JComment.class)})
    public List<Object> items = new ArrayList<>();
}
