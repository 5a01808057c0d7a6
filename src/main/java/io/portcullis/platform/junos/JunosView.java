package io.portcullis.platform.junos;

import java.util.List;

/** The data the Junos Qute templates render: plain values, already spelled the Junos way. */
public final class JunosView {
    private JunosView() {}

    /** Everything of one payload: filters per family, static interfaces, dynamic profiles. */
    public record Config(List<Family> families, List<Ifd> interfaces, List<Profile> profiles) {
        public boolean hasFirewall() {
            return !families.isEmpty();
        }
    }

    /** {@code firewall family inet|inet6}. */
    public record Family(String family, List<FilterView> filters) {}

    /** @param comment the annotation text including its delimiters, or null */
    public record FilterView(String name, String comment, List<TermView> terms) {}

    /**
     * @param protocolLeaf {@code protocol} (inet) or {@code next-header} (inet6)
     * @param action       accept, discard or reject
     */
    public record TermView(
            String name,
            String comment,
            String protocolLeaf,
            List<String> protocols,
            List<String> destinationAddresses,
            List<String> sourceAddresses,
            List<String> sourcePorts,
            List<String> destinationPorts,
            List<String> eitherPorts,
            String counter,
            boolean log,
            String action) {
        public boolean hasFrom() {
            return !protocols.isEmpty()
                    || !destinationAddresses.isEmpty()
                    || !sourceAddresses.isEmpty()
                    || !sourcePorts.isEmpty()
                    || !destinationPorts.isEmpty()
                    || !eitherPorts.isEmpty();
        }

        public String sourcePortsText() {
            return cli(sourcePorts);
        }

        public String destinationPortsText() {
            return cli(destinationPorts);
        }

        public String eitherPortsText() {
            return cli(eitherPorts);
        }

        /** Junos CLI spelling of a leaf-list: one value bare, several in brackets. */
        private static String cli(List<String> values) {
            return values.size() == 1 ? values.get(0) : "[ " + String.join(" ", values) + " ]";
        }
    }

    /** {@code interfaces NAME} (or the dynamic-profile variable). */
    public record Ifd(String name, List<Unit> units) {}

    public record Unit(String name, List<AfBinding> families) {}

    /** One family's filters on a unit: input and/or output filter names (null when not bound). */
    public record AfBinding(String family, String input, String output) {}

    /** {@code dynamic-profiles NAME interfaces ...}. */
    public record Profile(String name, List<Ifd> interfaces) {}
}
