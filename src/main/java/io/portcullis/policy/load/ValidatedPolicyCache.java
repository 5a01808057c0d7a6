package io.portcullis.policy.load;

import io.portcullis.policy.Diagnostic;
import io.portcullis.policy.Policy;
import io.portcullis.policy.yang.YangPolicyReader;
import io.portcullis.policy.yang.YangPolicyReader.Format;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Remembers the YANG verdict on a policy text that was already read without errors, so that a command run on an
 * unchanged policy does not build the yangtools schema context again: on this machine that build is most of a
 * {@code validate} once Quarkus is out of the way (~1.2 s CPU of ~1.6 s, docs/benchmarks.md "CLI start-up").
 *
 * <p>The key is a SHA-256 of the document's text, its format, the name it is reported under (diagnostics carry it)
 * and the identity of the jar holding the YANG module and the mapper (path, size, modification time): a changed
 * policy, a new build or another {@code --policy} spelling each miss. Only results <em>without errors</em> are
 * stored (the policy records, the warnings, the line of every data path), so every policy error is computed afresh
 * and reported exactly as before; {@link PolicyLoader} still runs the date-dependent semantic checks on every load.
 *
 * <p>Off unless a command-line entry point calls {@link #enableIn} (tests and the service compute every time), and
 * off when the code is not running from a jar (a classes directory has no identity worth trusting). Files live in
 * the user's cache directory (0700), are written atomically and read back through an allow-list filter; a file that
 * cannot be read is ignored and replaced. The directory keeps the newest {@value #KEEP} entries.
 */
public final class ValidatedPolicyCache {
    static final int KEEP = 32;
    private static final String FORMAT_VERSION = "portcullis-policy-read/1";
    private static volatile Path directory;

    private ValidatedPolicyCache() {}

    /** Turns the cache on for this process, in {@code dir} (created 0700 when missing). */
    public static void enableIn(Path dir) {
        directory = dir;
    }

    /** The per-user cache directory: PORTCULLIS_CACHE_DIR, else $XDG_CACHE_HOME/portcullis, else ~/.cache/portcullis. */
    public static Path userCacheDirectory(Map<String, String> env) {
        String explicit = env.get("PORTCULLIS_CACHE_DIR");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String xdg = env.get("XDG_CACHE_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache"))
                .resolve("portcullis");
    }

    /**
     * Whether {@link #read} of this text will find an entry (the file is there; whether it still reads is only known
     * then). False when the cache is off. Used to guess, before the command line is even parsed, whether a command is
     * going to build the YANG schema context ({@link PolicyLoader#prepareFor}).
     */
    static boolean holds(String name, Format format, String text) {
        Path dir = directory;
        return holds(dir, dir == null ? null : buildIdentity(), name, format, text);
    }

    static boolean holds(Path dir, String build, String name, Format format, String text) {
        return dir != null
                && build != null
                && Files.isRegularFile(dir.resolve("policy-" + key(build, name, format, text) + ".ser"));
    }

    static YangPolicyReader.Result read(
            String name, Format format, String text, Supplier<YangPolicyReader.Result> compute) {
        Path dir = directory;
        return read(dir, dir == null ? null : buildIdentity(), name, format, text, compute);
    }

    /** {@code build}: the identity of the code that computes; null turns the cache off. */
    static YangPolicyReader.Result read(
            Path dir,
            String build,
            String name,
            Format format,
            String text,
            Supplier<YangPolicyReader.Result> compute) {
        if (dir == null || build == null) {
            return compute.get();
        }
        Path file = dir.resolve("policy-" + key(build, name, format, text) + ".ser");
        YangPolicyReader.Result cached = load(file);
        if (cached != null) {
            return cached;
        }
        YangPolicyReader.Result fresh = compute.get();
        boolean errors = fresh.policy() == null
                || fresh.diagnostics().stream().anyMatch(d -> d.severity() == io.portcullis.policy.Severity.ERROR);
        if (!errors) {
            store(dir, file, fresh);
        }
        return fresh;
    }

    private static String key(String build, String name, Format format, String text) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : List.of(FORMAT_VERSION, build, name, format.name(), text)) {
                byte[] b = part.getBytes(StandardCharsets.UTF_8);
                sha.update(
                        (b.length + ":").getBytes(StandardCharsets.UTF_8)); // length-prefixed: no two splits hash alike
                sha.update(b);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    /** The jar the YANG reader comes from, as path + size + modification time; null outside a jar. */
    private static String buildIdentity() {
        try {
            CodeSource cs = YangPolicyReader.class.getProtectionDomain().getCodeSource();
            if (cs == null || cs.getLocation() == null) {
                return null;
            }
            Path jar = Path.of(cs.getLocation().toURI());
            if (!Files.isRegularFile(jar)) {
                return null;
            }
            return jar.toAbsolutePath() + "|" + Files.size(jar) + "|"
                    + Files.getLastModifiedTime(jar).toMillis();
        } catch (IOException | URISyntaxException | IllegalArgumentException | SecurityException e) {
            return null;
        }
    }

    @SuppressWarnings("unchecked")
    private static YangPolicyReader.Result load(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try (InputStream raw = Files.newInputStream(file);
                ObjectInputStream in = new ObjectInputStream(raw)) {
            in.setObjectInputFilter(ValidatedPolicyCache::allowed);
            Policy policy = (Policy) in.readObject();
            List<Diagnostic> diagnostics = (List<Diagnostic>) in.readObject();
            Map<String, Integer> lines = (Map<String, Integer>) in.readObject();
            if (policy == null || diagnostics == null || lines == null) {
                return null;
            }
            return new YangPolicyReader.Result(policy, List.copyOf(diagnostics), Map.copyOf(lines));
        } catch (IOException | ClassNotFoundException | ClassCastException | IllegalArgumentException e) {
            return null; // truncated, from another build, or tampered with: read the policy the long way
        }
    }

    /** Only the policy records, their value types and the JDK collections they are made of. */
    private static ObjectInputFilter.Status allowed(ObjectInputFilter.FilterInfo info) {
        if (info.depth() > 20 || info.references() > 200_000 || info.arrayLength() > 1_000_000) {
            return ObjectInputFilter.Status.REJECTED;
        }
        Class<?> c = info.serialClass();
        if (c == null) {
            return ObjectInputFilter.Status.UNDECIDED;
        }
        while (c.isArray()) {
            c = c.getComponentType();
        }
        if (c.isPrimitive()) {
            return ObjectInputFilter.Status.ALLOWED;
        }
        String n = c.getName();
        boolean ok = n.startsWith("io.portcullis.policy.")
                || n.startsWith("io.portcullis.intent.")
                || n.startsWith("java.util.") && !n.startsWith("java.util.concurrent.")
                || n.equals("java.lang.String")
                || n.equals("java.lang.Integer")
                || n.equals("java.lang.Number")
                || n.equals("java.lang.Boolean")
                || n.equals("java.lang.Enum")
                || n.equals("java.lang.Object")
                || n.equals("java.math.BigInteger")
                || n.startsWith("java.time.");
        return ok ? ObjectInputFilter.Status.ALLOWED : ObjectInputFilter.Status.REJECTED;
    }

    private static void store(Path dir, Path file, YangPolicyReader.Result r) {
        try {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(
                        dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
            Path tmp = Files.createTempFile(dir, "policy-", ".tmp");
            try {
                try (OutputStream raw = Files.newOutputStream(tmp);
                        ObjectOutputStream out = new ObjectOutputStream(raw)) {
                    out.writeObject(r.policy());
                    out.writeObject(new ArrayList<>(r.diagnostics()));
                    out.writeObject(new HashMap<>(r.lines()));
                }
                try {
                    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
            prune(dir);
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // a read-only or full home: the next run computes again, nothing else changes
        }
    }

    private static void prune(Path dir) throws IOException {
        List<Path> entries;
        try (Stream<Path> s = Files.list(dir)) {
            entries = s.filter(p -> p.getFileName().toString().startsWith("policy-")
                            && p.getFileName().toString().endsWith(".ser"))
                    .sorted(Comparator.comparing(ValidatedPolicyCache::modified).reversed())
                    .toList();
        }
        for (Path old : entries.subList(Math.min(KEEP, entries.size()), entries.size())) {
            Files.deleteIfExists(old);
        }
    }

    private static long modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }
}
