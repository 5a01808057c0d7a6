package io.portcullis.platform.junos.jaxb;

import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlElements;
import java.util.ArrayList;
import java.util.List;

/** {@code filter NAME}: terms with their annotations, in document order. */
public class JFilter {
    @XmlElement(name = "name")
    public String name;

    @XmlElements({@XmlElement(name = "term", type = JTerm.class), @XmlElement(name = "comment", type = JComment.class)})
    public List<Object> items = new ArrayList<>();
}
