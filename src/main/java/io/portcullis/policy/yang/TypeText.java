package io.portcullis.policy.yang;

import io.portcullis.intent.AddressFamily;
import io.portcullis.intent.IpPrefix;
import io.portcullis.intent.PortRange;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.opendaylight.yangtools.yang.data.impl.codec.TypeDefinitionAwareCodec;
import org.opendaylight.yangtools.yang.model.api.TypeDefinition;
import org.opendaylight.yangtools.yang.model.api.type.BooleanTypeDefinition;
import org.opendaylight.yangtools.yang.model.api.type.EnumTypeDefinition;
import org.opendaylight.yangtools.yang.model.api.type.LeafrefTypeDefinition;
import org.opendaylight.yangtools.yang.model.api.type.LengthRestrictedTypeDefinition;
import org.opendaylight.yangtools.yang.model.api.type.PatternConstraint;
import org.opendaylight.yangtools.yang.model.api.type.RangeRestrictedTypeDefinition;
import org.opendaylight.yangtools.yang.model.api.type.StringTypeDefinition;
import org.opendaylight.yangtools.yang.model.api.type.UnionTypeDefinition;

/**
 * Checks a leaf value against its YANG type with yangtools' own string codecs (ranges, patterns,
 * lengths, enumerations, unions) and describes in words what the type expects.
 */
final class TypeText {
    private TypeText() {}

    private static final java.util.regex.Pattern LEADING_ZERO =
            java.util.regex.Pattern.compile("(?<![0-9.:])0+(?=[0-9])");

    /**
     * For numeric types (integers, and our port ranges built of them): the text with leading zeros
     * removed when it has any, else null. yangtools' integer codecs read "0161" as octal (113), as
     * RFC 7950 allows for module defaults; a policy author means decimal or made a typo, so it is refused
     * everywhere a number is parsed, with the decimal spelling as the fix.
     */
    static String leadingZero(TypeDefinition<?> type, String text) {
        if (text == null || !numeric(type)) {
            return null;
        }
        String stripped = LEADING_ZERO.matcher(text).replaceAll("");
        return stripped.equals(text) ? null : stripped;
    }

    private static boolean numeric(TypeDefinition<?> type) {
        if (type instanceof UnionTypeDefinition union) {
            return union.getTypes().stream().anyMatch(TypeText::numeric);
        }
        for (TypeDefinition<?> t = type; t != null; t = t.getBaseType()) {
            if (t instanceof org.opendaylight.yangtools.yang.model.api.type.RangeRestrictedTypeDefinition<?, ?> r
                    && !(t instanceof org.opendaylight.yangtools.yang.model.api.type.DecimalTypeDefinition)) {
                return true;
            }
            if (YangSchema.NAMESPACE.equals(t.getQName().getNamespace().toString())
                    && t.getQName().getLocalName().startsWith("port")) {
                return true;
            }
        }
        return false;
    }

    /** Null when {@code text} is a valid value of {@code type}; otherwise what was expected. */
    static String check(TypeDefinition<?> type, String text) {
        if (type instanceof LeafrefTypeDefinition) {
            return null; // the referenced list is checked semantically, with a better message
        }
        if (type instanceof UnionTypeDefinition union) {
            for (TypeDefinition<?> member : union.getTypes()) {
                if (check(member, text) == null) {
                    return null;
                }
            }
            return expected(type);
        }
        TypeDefinitionAwareCodec<Object, ?> codec = TypeDefinitionAwareCodec.from(type);
        if (codec == null) {
            return null;
        }
        try {
            codec.deserialize(text);
        } catch (RuntimeException e) {
            return expected(type);
        }
        return loaderChecked(type, text) ? null : expected(type);
    }

    /**
     * What the typedefs' descriptions say "the loader checks": range ends and order, prefixes that
     * really parse, dates that exist. Patterns alone cannot say 65536 or February 30 is wrong.
     */
    private static boolean loaderChecked(TypeDefinition<?> type, String text) {
        for (TypeDefinition<?> t = type; t != null; t = t.getBaseType()) {
            if (!YangSchema.NAMESPACE.equals(t.getQName().getNamespace().toString())) {
                continue;
            }
            try {
                switch (t.getQName().getLocalName()) {
                    case "port-range" -> PortRange.parse(text);
                    case "ipv4-prefix" -> {
                        return IpPrefix.parse(text).family() == AddressFamily.IPV4;
                    }
                    case "ipv6-prefix" -> {
                        return IpPrefix.parse(text).family() == AddressFamily.IPV6;
                    }
                    case "date" -> LocalDate.parse(text);
                    default -> {
                        continue;
                    }
                }
                return true;
            } catch (IllegalArgumentException | DateTimeException e) {
                return false;
            }
        }
        return true;
    }

    /** "one of tcp, udp", "an integer in 0..65535", "a port number or a range 'first-last'", … */
    static String expected(TypeDefinition<?> type) {
        if (type instanceof EnumTypeDefinition e) {
            List<String> names = new ArrayList<>();
            e.getValues().forEach(p -> names.add(p.getName()));
            return "one of " + String.join(", ", names);
        }
        if (type instanceof BooleanTypeDefinition) {
            return "true or false";
        }
        if (type instanceof UnionTypeDefinition u) {
            Optional<String> d = description(type);
            if (d.isPresent()) {
                return d.get();
            }
            List<String> parts = new ArrayList<>();
            u.getTypes().forEach(t -> parts.add(expected(t)));
            return String.join(" or ", parts);
        }
        if (type instanceof RangeRestrictedTypeDefinition<?, ?> r) {
            String ranges = r.getRangeConstraint()
                    .map(c -> c.getAllowedRanges().toString())
                    .orElse("");
            return "an integer"
                    + (ranges.isEmpty()
                            ? ""
                            : " in "
                                    + ranges.replace("[", "")
                                            .replace("]", "")
                                            .replace("‥", "..")
                                            .replace("{", "")
                                            .replace("}", ""));
        }
        Optional<String> d = description(type);
        if (d.isPresent()) {
            return d.get();
        }
        if (type instanceof StringTypeDefinition s) {
            StringBuilder sb = new StringBuilder("text");
            for (PatternConstraint p : s.getPatternConstraints()) {
                sb.append(" matching '").append(p.getRegularExpressionString()).append('\'');
            }
            if (type instanceof LengthRestrictedTypeDefinition<?> l
                    && l.getLengthConstraint().isPresent()) {
                sb.append(" of length ")
                        .append(l.getLengthConstraint()
                                .get()
                                .getAllowedRanges()
                                .toString()
                                .replace("[", "")
                                .replace("]", "")
                                .replace("‥", "..")
                                .replace("{", "")
                                .replace("}", ""));
            }
            return sb.toString();
        }
        return "a value of type " + type.getQName().getLocalName();
    }

    /** First sentence of the nearest typedef description, lower-cased first letter and no final dot. */
    private static Optional<String> description(TypeDefinition<?> type) {
        for (TypeDefinition<?> t = type; t != null; t = t.getBaseType()) {
            if (t.getDescription().isPresent()
                    && YangSchema.NAMESPACE.equals(t.getQName().getNamespace().toString())) {
                String d = t.getDescription().get().replaceAll("\\s+", " ").trim();
                int dot = d.indexOf(". ");
                d = dot > 0 ? d.substring(0, dot) : d;
                if (d.endsWith(".")) {
                    d = d.substring(0, d.length() - 1);
                }
                return Optional.of(Character.toLowerCase(d.charAt(0)) + d.substring(1));
            }
        }
        return Optional.empty();
    }
}
