package io.portcullis.platform.ietf.jaxb;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;

@XmlAccessorType(XmlAccessType.FIELD)
public class IAce {
    public String name;
    public IMatches matches;
    public IActions actions;
}
