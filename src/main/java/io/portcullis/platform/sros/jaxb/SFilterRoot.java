package io.portcullis.platform.sros.jaxb;

import jakarta.xml.bind.annotation.XmlElement;
import java.util.ArrayList;
import java.util.List;

/** {@code configure/filter}. */
public class SFilterRoot {
    @XmlElement(name = "match-list")
    public List<SMatchList> matchList = new ArrayList<>();

    @XmlElement(name = "ip-filter")
    public List<SIpFilter> ipFilter = new ArrayList<>();

    @XmlElement(name = "ipv6-filter")
    public List<SIpFilter> ipv6Filter = new ArrayList<>();
}
