package io.portcullis.policy;

import io.portcullis.intent.IpPrefix;
import java.time.LocalDate;
import java.util.List;

/** Subscriber prefixes exempt from one blocked service, optionally until an expiry date (inclusive). */
public record Exemption(String name, String service, List<IpPrefix> prefixes, LocalDate expires, String reason)
        implements java.io.Serializable {
    public Exemption {
        prefixes = List.copyOf(prefixes);
    }
}
