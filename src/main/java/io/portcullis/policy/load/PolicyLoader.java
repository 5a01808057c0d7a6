package io.portcullis.policy.load;

import io.portcullis.policy.Diagnostic;
import io.portcullis.policy.Policy;
import io.portcullis.policy.PolicyChecks;
import io.portcullis.policy.PromiseLoader;
import io.portcullis.policy.Severity;
import io.portcullis.policy.SourceNode;
import io.portcullis.policy.SourceParser;
import io.portcullis.policy.yang.YangPolicyReader;
import io.portcullis.policy.yang.YangPolicyReader.Format;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Loads the policy from {@code --policy} (a file, or a directory holding exactly one .yaml/.yml/
 * .json/.xml document besides the published promise {@code promise.yaml}), validates it against the YANG module and runs {@link PolicyChecks}.
 * Never throws for bad input: every problem is a {@link Diagnostic}.
 */
public final class PolicyLoader {

    /** @param policy null when there are errors; {@code lines}: YANG data path to line, for later messages */
    public record Result(String file, Policy policy, List<Diagnostic> diagnostics, Map<String, Integer> lines) {
        public Result {
            diagnostics = List.copyOf(diagnostics);
            lines = Map.copyOf(lines);
        }

        public boolean hasErrors() {
            return policy == null || diagnostics.stream().anyMatch(d -> d.severity() == Severity.ERROR);
        }
    }

    private PolicyLoader() {}

    public static Result load(Path fileOrDirectory, LocalDate today) {
        Document d = document(fileOrDirectory);
        return d.failure() != null ? d.failure() : parse(d.shown(), d.format(), d.text(), today);
    }

    /**
     * Starts nothing and throws nothing: builds the YANG schema context now when {@link #load} of this path is going
     * to need it, i.e. the document reads and its text has no entry in the {@link ValidatedPolicyCache}. The CLI calls
     * this on a background thread while it sets itself up, so that the first run after a policy change overlaps the
     * schema build (~0.5 s of CPU) with the start-up instead of paying for it after. A wrong guess only costs time.
     *
     * @return true when it built (or found built) the schema context
     */
    public static boolean prepareFor(Path fileOrDirectory) {
        try {
            Document d = document(fileOrDirectory);
            if (d.failure() != null || ValidatedPolicyCache.holds(d.shown(), d.format(), d.text())) {
                return false;
            }
            YangPolicyReader.warmUp();
            return true;
        } catch (RuntimeException | LinkageError e) {
            return false; // load() reports whatever this was, in its own words
        }
    }

    /** The policy document a path names (a file, or the one document in a directory), read; or why not. */
    private record Document(String shown, Format format, String text, Result failure) {
        static Document failed(String shown, String message) {
            return new Document(shown, null, null, PolicyLoader.failed(shown, message));
        }
    }

    private static Document document(Path fileOrDirectory) {
        String shown = fileOrDirectory.toString();
        Path file = fileOrDirectory;
        if (Files.isDirectory(fileOrDirectory)) {
            List<Path> docs;
            try (Stream<Path> s = Files.list(fileOrDirectory)) {
                // the published promise lives beside the policy document but is not one (PromiseLoader)
                docs = s.filter(Files::isRegularFile)
                        .filter(p -> format(p) != null)
                        .filter(p -> !p.getFileName().toString().equals(PromiseLoader.FILE_NAME))
                        .sorted()
                        .toList();
            } catch (IOException e) {
                return Document.failed(shown, "the policy directory cannot be read; check --policy and permissions");
            }
            if (docs.isEmpty()) {
                return Document.failed(
                        shown,
                        "the policy directory holds no .yaml, .yml, .json or .xml document; add one or pass --policy FILE");
            }
            if (docs.size() > 1) {
                return Document.failed(
                        shown,
                        "the policy directory holds " + docs.size() + " policy documents ("
                                + String.join(
                                        ", ",
                                        docs.stream()
                                                .map(p -> p.getFileName().toString())
                                                .toList())
                                + "); keep exactly one there or pass --policy FILE");
            }
            file = docs.get(0);
            shown = file.toString();
        } else if (!Files.exists(fileOrDirectory)) {
            return Document.failed(shown, "the policy file does not exist; pass --policy FILE-OR-DIRECTORY");
        }
        Format format = format(file);
        if (format == null) {
            return Document.failed(shown, "unknown policy format; use a .yaml, .yml, .json or .xml file");
        }
        try {
            return new Document(shown, format, Files.readString(file, StandardCharsets.UTF_8), null);
        } catch (java.nio.charset.CharacterCodingException e) {
            return Document.failed(
                    shown,
                    "the policy file is not UTF-8 text (binary, or another encoding); a policy is a .yaml, .json or .xml text file");
        } catch (IOException e) {
            return Document.failed(
                    shown, "the policy file cannot be read (" + e.getClass().getSimpleName() + "); check permissions");
        }
    }

    /** Loads a policy from text already in memory (tests, REST); {@code name} is used in messages. */
    public static Result parse(String name, Format format, String text, LocalDate today) {
        SourceNode tree;
        try {
            tree = switch (format) {
                case JSON -> SourceParser.json(text);
                case YAML -> SourceParser.yaml(text);
                case XML -> SourceParser.xml(text);
            };
        } catch (SourceParser.SyntaxError e) {
            return new Result(name, null, List.of(Diagnostic.error(name, e.line(), null, e.getMessage())), Map.of());
        }
        // the YANG verdict on an unchanged, error-free text may come from the per-user cache (CLI only); see there
        YangPolicyReader.Result r =
                ValidatedPolicyCache.read(name, format, text, () -> YangPolicyReader.read(name, format, text, tree));
        List<Diagnostic> all = new ArrayList<>(r.diagnostics());
        if (r.policy() != null) {
            all.addAll(PolicyChecks.check(r.policy(), name, r.lines(), today));
        }
        boolean errors = all.stream().anyMatch(d -> d.severity() == Severity.ERROR);
        return new Result(name, errors ? null : r.policy(), all, r.lines());
    }

    public static Format format(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n.endsWith(".yaml") || n.endsWith(".yml")) {
            return Format.YAML;
        }
        if (n.endsWith(".json")) {
            return Format.JSON;
        }
        if (n.endsWith(".xml")) {
            return Format.XML;
        }
        return null;
    }

    private static Result failed(String file, String message) {
        return new Result(file, null, List.of(Diagnostic.error(file, 0, null, message)), Map.of());
    }
}
