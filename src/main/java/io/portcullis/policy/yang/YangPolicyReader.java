package io.portcullis.policy.yang;

import io.portcullis.policy.Diagnostic;
import io.portcullis.policy.Policy;
import io.portcullis.policy.SourceNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;

/**
 * The one door to yangtools: validates a parsed policy document against {@code portcullis-policy}
 * and maps it to records. JSON and XML go through yangtools' RFC 7951 and XML codecs as written;
 * YAML goes through the JSON codec after conversion.
 */
public final class YangPolicyReader {
    public enum Format {
        JSON,
        YAML,
        XML
    }

    /** @param lines line of each YANG data path seen in the document (for later diagnostics) */
    public record Result(Policy policy, List<Diagnostic> diagnostics, Map<String, Integer> lines) {}

    private YangPolicyReader() {}

    /** Builds the schema context now (it is cached); lets a caller pay the cost up front. */
    public static void warmUp() {
        YangSchema.context();
    }

    /** Whether this JVM has built the schema context already. */
    public static boolean schemaBuilt() {
        return YangSchema.built();
    }

    public static Result read(String file, Format format, String text, SourceNode tree) {
        SchemaWalker walker = new SchemaWalker(file, YangSchema.module());
        if (format == Format.XML) {
            walker.walkXml(tree);
        } else {
            walker.walkJson(tree);
        }
        List<Diagnostic> diagnostics = new ArrayList<>(walker.diagnostics());
        if (!diagnostics.isEmpty()) {
            return new Result(null, diagnostics, walker.lines());
        }
        NormalizedNode data;
        try {
            data = switch (format) {
                case JSON -> YangCodec.json(text);
                case YAML -> YangCodec.json(YangCodec.toJson(tree));
                case XML -> YangCodec.xml(text);
            };
        } catch (Exception | LinkageError e) {
            // the walker catches what we know of first; this is yangtools' own verdict on the rest
            String m = message(e);
            int line = 0;
            Matcher where = PARSE_ERROR.matcher(m);
            if (where.find()) {
                line = Integer.parseInt(where.group(1));
                m = where.group(2).trim();
            } else {
                int nl = m.indexOf('\n');
                m = nl < 0 ? m : m.substring(0, nl);
            }
            diagnostics.add(Diagnostic.error(
                    file,
                    line,
                    "/" + YangSchema.MODULE + ":policy",
                    "does not conform to YANG module " + YangSchema.MODULE + ": " + m));
            return new Result(null, diagnostics, walker.lines());
        }
        PolicyMapper mapper = new PolicyMapper(file, walker.lines());
        Policy policy = mapper.map(data);
        diagnostics.addAll(mapper.diagnostics());
        // warnings (e.g. host bits in an exemption prefix) keep the policy; any error drops it
        boolean errors = diagnostics.stream().anyMatch(d -> d.severity() == io.portcullis.policy.Severity.ERROR);
        return new Result(errors ? null : policy, diagnostics, walker.lines());
    }

    /** StAX: "ParseError at [row,col]:[2,9]\nMessage: ..." */
    private static final Pattern PARSE_ERROR = Pattern.compile("\\[row,col\\]:\\[(\\d+),\\d+\\]\\s*Message:\\s*(.*)");

    private static String message(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null
                && t.getCause() != t
                && (t.getMessage() == null || t.getMessage().isBlank())) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
