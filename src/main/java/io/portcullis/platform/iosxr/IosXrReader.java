package io.portcullis.platform.iosxr;

import io.portcullis.intent.Action;
import io.portcullis.intent.AddressFamily;
import io.portcullis.intent.AttachKind;
import io.portcullis.intent.Binding;
import io.portcullis.intent.Direction;
import io.portcullis.intent.Filter;
import io.portcullis.intent.FilterIntent;
import io.portcullis.intent.Ownership;
import io.portcullis.intent.Term;
import io.portcullis.platform.BindingOrder;
import io.portcullis.platform.ReadException;
import io.portcullis.platform.ReadResult;
import io.portcullis.platform.XmlReading;
import io.portcullis.platform.iosxr.jaxb.XAccess;
import io.portcullis.platform.iosxr.jaxb.XAclRoot;
import io.portcullis.platform.iosxr.jaxb.XDynamicTemplate;
import io.portcullis.platform.iosxr.jaxb.XInterfaceConfiguration;
import io.portcullis.platform.iosxr.jaxb.XInterfaceConfigurations;
import io.portcullis.platform.iosxr.jaxb.XIpv4AclRoot;
import io.portcullis.platform.iosxr.jaxb.XIpv6AclRoot;
import io.portcullis.platform.iosxr.jaxb.XPacketFilter;
import io.portcullis.platform.iosxr.jaxb.XTemplate;
import io.portcullis.platform.iosxr.jaxb.XTemplates;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * IOS-XR native-model payload or get-config reply → IR. Owned ACLs become filters (entries regrouped
 * into terms by {@link IosXrTermGrouping}); bindings of owned ACLs at interfaces and dynamic
 * templates (ip-subscriber and ppp) go into the intent, foreign ACLs bound there into
 * {@link ReadResult#foreignBindings()}. Unified-model ({@code Cisco-IOS-XR-um-*}) trees are not read.
 */
public final class IosXrReader {
    private IosXrReader() {}

    private static final JAXBContext CONTEXT = context();
    private static final Map<String, Class<?>> ROOTS = Map.of(
            "ipv4-acl-and-prefix-list",
            XIpv4AclRoot.class,
            "ipv6-acl-and-prefix-list",
            XIpv6AclRoot.class,
            "interface-configurations",
            XInterfaceConfigurations.class,
            "dynamic-template",
            XDynamicTemplate.class);

    private static JAXBContext context() {
        try {
            return JAXBContext.newInstance(
                    XIpv4AclRoot.class, XIpv6AclRoot.class, XInterfaceConfigurations.class, XDynamicTemplate.class);
        } catch (JAXBException e) {
            throw new IllegalStateException("IOS-XR JAXB classes are inconsistent: " + e.getMessage(), e);
        }
    }

    public static ReadResult read(String device, String xml) {
        XmlReading.Roots roots = XmlReading.read(
                xml, "iosxr configuration from device " + device, CONTEXT, ROOTS, XmlReading.NO_NAMESPACE);
        List<String> warnings = new ArrayList<>();
        List<Filter> filters = new ArrayList<>();
        for (XAclRoot r : roots.all("ipv4-acl-and-prefix-list", XIpv4AclRoot.class)) {
            acls(r, AddressFamily.IPV4, filters, warnings);
        }
        for (XAclRoot r : roots.all("ipv6-acl-and-prefix-list", XIpv6AclRoot.class)) {
            acls(r, AddressFamily.IPV6, filters, warnings);
        }
        List<Binding> owned = new ArrayList<>();
        List<Binding> foreign = new ArrayList<>();
        for (XInterfaceConfigurations ic : roots.all("interface-configurations", XInterfaceConfigurations.class)) {
            for (XInterfaceConfiguration i : ic.items) {
                if (i.active != null && !"act".equals(i.active.trim())) {
                    continue; // pre-configuration of absent hardware does not filter anything
                }
                String name = required(i.interfaceName, "interface-name");
                bind(i.ipv4, AddressFamily.IPV4, AttachKind.INTERFACE, name, owned, foreign);
                bind(i.ipv6, AddressFamily.IPV6, AttachKind.INTERFACE, name, owned, foreign);
            }
        }
        for (XDynamicTemplate dt : roots.all("dynamic-template", XDynamicTemplate.class)) {
            for (XTemplates ts : new XTemplates[] {dt.ipSubscribers, dt.ppps}) {
                if (ts == null) {
                    continue;
                }
                List<XTemplate> all = new ArrayList<>(ts.ipSubscriber);
                all.addAll(ts.ppp);
                for (XTemplate t : all) {
                    String name = required(t.templateName, "dynamic-template template-name");
                    bind(t.ipv4, AddressFamily.IPV4, AttachKind.PROFILE, name, owned, foreign);
                    bind(t.ipv6, AddressFamily.IPV6, AttachKind.PROFILE, name, owned, foreign);
                }
            }
        }
        if (roots.isEmpty()) {
            warnings.add("no IOS-XR ACL, interface or dynamic-template element in the reply from " + device
                    + "; read as empty");
        }
        FilterIntent intent =
                new FilterIntent(device, IosXrFacts.PLATFORM, filters, BindingOrder.canonical(filters, owned));
        return new ReadResult(intent, foreign, warnings);
    }

    private static void acls(XAclRoot root, AddressFamily family, List<Filter> out, List<String> warnings) {
        if (root.accesses == null) {
            return;
        }
        for (XAccess a : root.accesses.access) {
            String name =
                    required(a.key(), family == AddressFamily.IPV4 ? "access-list-name" : "IPv6 access-list name");
            if (!Ownership.isOwned(name)) {
                continue;
            }
            IosXrTermGrouping g = new IosXrTermGrouping(name, family, warnings);
            List<Term> terms = g.terms(a.entries == null ? List.of() : a.entries.entry);
            out.add(new Filter(name, family, terms, Action.DISCARD, g.description()));
        }
    }

    private static void bind(
            XPacketFilter pf,
            AddressFamily family,
            AttachKind kind,
            String point,
            List<Binding> owned,
            List<Binding> foreign) {
        if (pf == null) {
            return;
        }
        if (pf.inbound != null && pf.inbound.name != null) {
            add(new Binding(kind, point, family, Direction.FROM_SUBSCRIBER, pf.inbound.name.trim()), owned, foreign);
        }
        if (pf.outbound != null && pf.outbound.name != null) {
            add(new Binding(kind, point, family, Direction.TO_SUBSCRIBER, pf.outbound.name.trim()), owned, foreign);
        }
    }

    private static void add(Binding b, List<Binding> owned, List<Binding> foreign) {
        (Ownership.isOwned(b.filterName()) ? owned : foreign).add(b);
    }

    static String required(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new ReadException("the IOS-XR configuration has a " + what + " that is missing or empty");
        }
        return value.trim();
    }
}
