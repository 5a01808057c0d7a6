package io.portcullis.platform.junos.jaxb;

import jakarta.xml.bind.annotation.XmlElement;
import java.util.ArrayList;
import java.util.List;

/** {@code family inet filter {input|output NAME; input-list|output-list [..]}}. */
public class JUnitFilter {
    @XmlElement(name = "input")
    public JFilterRef input;

    @XmlElement(name = "output")
    public JFilterRef output;

    @XmlElement(name = "input-list")
    public List<String> inputList = new ArrayList<>();

    @XmlElement(name = "output-list")
    public List<String> outputList = new ArrayList<>();
}
