package io.portcullis.policy;

import io.portcullis.intent.AddressFamily;
import io.portcullis.intent.Direction;
import io.portcullis.intent.PortRange;
import io.portcullis.intent.Protocol;
import java.util.List;

/** A service blocked in one direction relative to subscribers, e.g. SMTP: tcp 25,465,587,2525 toward subscribers. */
public record BlockedService(
        String name,
        Protocol protocol,
        List<PortRange> ports,
        Direction direction,
        List<AddressFamily> families,
        TermOptions options)
        implements java.io.Serializable {
    public BlockedService {
        ports = List.copyOf(ports);
        families = List.copyOf(families);
    }
}
