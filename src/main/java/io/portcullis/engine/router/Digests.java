package io.portcullis.engine.router;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.portcullis.intent.Binding;
import io.portcullis.intent.FilterIntent;
import io.portcullis.intent.Promise;
import io.portcullis.json.JsonMappers;
import io.portcullis.platform.ReadResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * Digests that bind a plan to the state it saw. The managed-subtree digest is taken over the IR
 * the reader produced (owned filters, bindings and foreign bindings at our attach points), so a
 * prefix or whitespace change is not "changed since the plan", but any change that matters is.
 */
public final class Digests {
    private static final ObjectMapper COMPACT = JsonMappers.CANONICAL;

    private Digests() {}

    public static String managedSubtree(ReadResult r) {
        FilterIntent i = r.intent();
        if (!r.foreignFilters().isEmpty()) {
            // a chained router: the operator's filter decides packets next to ours, so its change makes a plan stale
            return sha256(json(List.of(
                    i.filters(), sortBindings(i.bindings()), sortBindings(r.foreignBindings()), r.foreignFilters())));
        }
        return sha256(json(List.of(i.filters(), sortBindings(i.bindings()), sortBindings(r.foreignBindings()))));
    }

    public static String intent(FilterIntent intent, Promise promise) {
        return sha256(json(List.of(intent.filters(), sortBindings(intent.bindings()), promise)));
    }

    /** Digest of the policy files (a directory is walked in name order), e.g. for the plan header. */
    public static String policyFiles(Path policy) {
        try (Stream<Path> files = Files.isDirectory(policy) ? Files.walk(policy) : Stream.of(policy)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (Path p : files.filter(Files::isRegularFile)
                    .sorted(Comparator.comparing(Path::toString))
                    .toList()) {
                md.update(policy.relativize(p).toString().getBytes(StandardCharsets.UTF_8));
                md.update(Files.readAllBytes(p));
            }
            return "sha256:" + HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read policy " + policy + ": " + e.getMessage());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Binding> sortBindings(List<Binding> b) {
        return b.stream().sorted(Comparator.comparing(Binding::toString)).toList();
    }

    private static String json(Object o) {
        try {
            return COMPACT.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(String s) {
        try {
            return "sha256:"
                    + HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
