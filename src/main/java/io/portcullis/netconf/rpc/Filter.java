package io.portcullis.netconf.rpc;

import java.util.List;
import java.util.Map;

/** A get/get-config filter: subtree (XML) or XPath (needs :xpath). */
public sealed interface Filter {

    /** XML of the {@code <filter>} element. */
    String toXml();

    List<String> requiredCapabilities();

    /** A subtree filter; the fragment declares its own namespaces. */
    static Filter subtree(String xmlFragment) {
        return new Subtree(xmlFragment);
    }

    /** An XPath filter; prefixes used in the expression are declared from {@code namespaces}. */
    static Filter xpath(String expression, Map<String, String> namespaces) {
        return new XPath(expression, Map.copyOf(namespaces));
    }

    record Subtree(String xml) implements Filter {
        @Override
        public String toXml() {
            return "<filter type=\"subtree\">" + xml + "</filter>";
        }

        @Override
        public List<String> requiredCapabilities() {
            return List.of();
        }
    }

    record XPath(String expression, Map<String, String> namespaces) implements Filter {
        @Override
        public String toXml() {
            StringBuilder sb = new StringBuilder("<filter type=\"xpath\"");
            namespaces.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> sb.append(" xmlns:")
                    .append(e.getKey())
                    .append("=\"")
                    .append(Esc.attr(e.getValue()))
                    .append('"'));
            return sb.append(" select=\"")
                    .append(Esc.attr(expression))
                    .append("\"/>")
                    .toString();
        }

        @Override
        public List<String> requiredCapabilities() {
            return List.of(":xpath");
        }
    }
}
