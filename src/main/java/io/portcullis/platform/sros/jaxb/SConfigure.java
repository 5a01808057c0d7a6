package io.portcullis.platform.sros.jaxb;

import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import java.util.ArrayList;
import java.util.List;

/** {@code configure}. */
@XmlRootElement(name = "configure")
public class SConfigure {
    @XmlElement(name = "filter")
    public List<SFilterRoot> filter = new ArrayList<>();

    @XmlElement(name = "subscriber-mgmt")
    public List<SSubscriberMgmt> subscriberMgmt = new ArrayList<>();
}
