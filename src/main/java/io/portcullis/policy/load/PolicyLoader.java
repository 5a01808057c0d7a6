package io.portcullis.policy.load;

import io.portcullis.policy.Diagnostic;
import io.portcullis.policy.Policy;
import io.portcullis.policy.PolicyChecks;
import io.portcullis.policy.PromiseLoader;
import io.portcullis.policy.Severity;
import io.portcullis.policy.SourceNode;
import io.portcullis.policy.SourceParser;
import io.portcullis.policy.yang.YangPolicyReader.Format;
import io.portcullis.policy.yang.YangPolicyReader;
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

    private PolicyLoader() {
    }

    public static Result load(Path fileOrDirectory, LocalDate today) {
        String shown = fileOrDirectory.toString();
        Path file = fileOrDirectory;
        if (Files.isDirectory(fileOrDirectory)) {
            List<Path> docs;
            try (Stream<Path> s = Files.list(fileOrDirectory)) {
                // the published promise lives beside the policy document but is not one (PromiseLoader)
                docs = s.filter(Files::isRegularFile).filter(p -> format(p) != null)
                        .filter(p -> !p.getFileName().toString().equals(PromiseLoader.FILE_NAME)).sorted().toList();
            } catch (IOException e) {
                return failed(shown, "the policy directory cannot be read; check --policy and permissions");
            }
            if (docs.isEmpty()) {
                return failed(shown, "the policy directory holds no .yaml, .yml, .json or .xml document; add one or pass --policy FILE");
            }
            if (docs.size() > 1) {
                return failed(shown, "the policy directory holds " + docs.size() + " policy documents ("
                        + String.join(", ", docs.stream().map(p -> p.getFileName().toString()).toList())
                        + "); keep exactly one there or pass --policy FILE");
            }
            file = docs.get(0);
            shown = file.toString();
        } else if (!Files.exists(fileOrDirectory)) {
            return failed(shown, "the policy file does not exist; pass --policy FILE-OR-DIRECTORY");
        }
        Format format = format(file);
        if (format == null) {
            return failed(shown, "unknown policy format; use a .yaml, .yml, .json or .xml file");
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.nio.charset.CharacterCodingException e) {
            return failed(shown, "the policy file is not UTF-8 text (binary, or another encoding); a policy is a .yaml, .json or .xml text file");
        } catch (IOException e) {
            return failed(shown, "the policy file cannot be read (" + e.getClass().getSimpleName() + "); check permissions");
        }
        return parse(shown, format, text, today);
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
        YangPolicyReader.Result r = ValidatedPolicyCache.read(name, format, text, () -> YangPolicyReader.read(name, format, text, tree));
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
