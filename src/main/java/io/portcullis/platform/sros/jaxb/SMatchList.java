package io.portcullis.platform.sros.jaxb;

import jakarta.xml.bind.annotation.XmlElement;
import java.util.ArrayList;
import java.util.List;

/** {@code filter/match-list}. */
public class SMatchList {
    @XmlElement(name = "port-list")
    public List<SPortList> portList = new ArrayList<>();

    @XmlElement(name = "ip-prefix-list")
    public List<SPrefixList> ipPrefixList = new ArrayList<>();

    @XmlElement(name = "ipv6-prefix-list")
    public List<SPrefixList> ipv6PrefixList = new ArrayList<>();
}
