package io.portcullis.policy;

import io.portcullis.intent.AddressFamily;
import io.portcullis.intent.Direction;
import io.portcullis.intent.PortRange;
import io.portcullis.intent.Protocol;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * Reads the published promise ({@code promise.yaml} next to the policy, see {@link PublishedPromise}). Strict on
 * purpose: it is the one file a reviewer signs off, so an unknown key, a missing family or a port written with a
 * leading zero is an error, never a guess. Numbers are decimal (RFC 7950), as everywhere else.
 *
 * <pre>
 * promise:
 *   name: subscriber-protection
 *   max-exemption: {ipv4: 24, ipv6: 48}     # optional; the widest prefix an exemption may cover
 *   blocked:
 *     - name: smtp
 *       protocol: tcp
 *       ports: [25, 465, 587, 2525]
 *       address-family: [ipv4, ipv6]
 *       direction: to-subscriber           # optional, the default
 * </pre>
 */
public final class PromiseLoader {
    /** The promise's file name, in the policy's directory. The policy directory loader skips it. */
    public static final String FILE_NAME = "promise.yaml";

    private static final String ROOT = "/promise";
    private static final Set<String> BLOCK_KEYS =
            Set.of("name", "protocol", "ports", "address-family", "direction", "description");

    /** @param promise null when the file is absent or has errors */
    public record Result(PublishedPromise promise, List<Diagnostic> diagnostics) {
        public Result {
            diagnostics = List.copyOf(diagnostics);
        }
    }

    private final String file;
    private final List<Diagnostic> out = new ArrayList<>();

    private PromiseLoader(String file) {
        this.file = file;
    }

    /** Where the promise of a policy lives: inside the policy directory, or next to the policy file. */
    public static Path locate(Path policy) {
        if (Files.isDirectory(policy)) {
            return policy.resolve(FILE_NAME);
        }
        Path dir = policy.getParent();
        return dir == null ? Path.of(FILE_NAME) : dir.resolve(FILE_NAME);
    }

    /** Loads the promise file; a missing file is an empty result (the caller decides what that means). */
    public static Result load(Path path) {
        if (!Files.exists(path)) {
            return new Result(null, List.of());
        }
        String shown = path.toString();
        byte[] bytes;
        String text;
        try {
            bytes = Files.readAllBytes(path);
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(java.nio.ByteBuffer.wrap(bytes))
                    .toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return failed(shown, "the promise file is not UTF-8 text; it is a YAML document");
        } catch (IOException e) {
            return failed(
                    shown, "the promise file cannot be read (" + e.getClass().getSimpleName() + "); check permissions");
        }
        return parse(shown, digest(bytes), text);
    }

    /** Parses promise text already in memory; {@code name} is used in messages. */
    public static Result parse(String name, String digest, String text) {
        SourceNode tree;
        try {
            tree = SourceParser.yaml(text);
        } catch (SourceParser.SyntaxError e) {
            return new Result(null, List.of(Diagnostic.error(name, e.line(), null, e.getMessage())));
        }
        PromiseLoader l = new PromiseLoader(name);
        PublishedPromise p = l.read(tree, digest);
        boolean errors = l.out.stream().anyMatch(d -> d.severity() == Severity.ERROR);
        return new Result(errors ? null : p, l.out);
    }

    private PublishedPromise read(SourceNode tree, String digest) {
        if (tree == null
                || !tree.isObject()
                || tree.field("promise") == null
                || tree.fields().size() != 1) {
            error(
                    tree == null ? 0 : tree.line(),
                    ROOT,
                    "the promise file must hold one mapping 'promise:' with name and blocked");
            return null;
        }
        SourceNode root = tree.field("promise").value();
        if (!root.isObject()) {
            error(root.line(), ROOT, "'promise' must be a mapping with name and blocked");
            return null;
        }
        for (SourceNode.Field f : root.fields()) {
            if (!Set.of("name", "description", "max-exemption", "blocked").contains(f.name())) {
                error(
                        f.line(),
                        ROOT + "/" + f.name(),
                        "unknown key '" + f.name() + "'; a promise has name, description, max-exemption"
                                + " and blocked");
            }
        }
        String name = scalar(root, "name", ROOT);
        int v4 = PublishedPromise.DEFAULT_MAX_EXEMPTION_IPV4;
        int v6 = PublishedPromise.DEFAULT_MAX_EXEMPTION_IPV6;
        SourceNode.Field max = root.field("max-exemption");
        if (max != null) {
            String path = ROOT + "/max-exemption";
            if (!max.value().isObject()) {
                error(max.line(), path, "max-exemption must be a mapping such as {ipv4: 24, ipv6: 48}");
            } else {
                for (SourceNode.Field f : max.value().fields()) {
                    if (!f.name().equals("ipv4") && !f.name().equals("ipv6")) {
                        error(
                                f.line(),
                                path + "/" + f.name(),
                                "unknown family '" + f.name() + "' in max-exemption; use ipv4 and ipv6");
                    }
                }
                v4 = length(max.value(), "ipv4", 32, v4, path);
                v6 = length(max.value(), "ipv6", 128, v6, path);
            }
        }
        List<PublishedPromise.Block> blocks = new ArrayList<>();
        SourceNode.Field blocked = root.field("blocked");
        if (blocked == null
                || !blocked.value().isArray()
                || blocked.value().items().isEmpty()) {
            error(
                    blocked == null ? root.line() : blocked.line(),
                    ROOT + "/blocked",
                    "the promise blocks nothing; list what is blocked under 'blocked:' (a promise of nothing protects nobody)");
        } else {
            for (SourceNode item : blocked.value().items()) {
                PublishedPromise.Block b = block(item);
                if (b != null) {
                    blocks.add(b);
                }
            }
        }
        return new PublishedPromise(file, digest, name, blocks, v4, v6);
    }

    private PublishedPromise.Block block(SourceNode item) {
        String base = ROOT + "/blocked";
        if (!item.isObject()) {
            error(item.line(), base, "each blocked entry is a mapping with name, protocol, ports and address-family");
            return null;
        }
        String name = scalar(item, "name", base);
        String path = base + "[name='" + name + "']";
        for (SourceNode.Field f : item.fields()) {
            if (!BLOCK_KEYS.contains(f.name())) {
                error(
                        f.line(),
                        path + "/" + f.name(),
                        "unknown key '" + f.name() + "'; a blocked entry has "
                                + String.join(", ", BLOCK_KEYS.stream().sorted().toList()));
            }
        }
        Protocol protocol = null;
        String proto = scalar(item, "protocol", path);
        if (proto != null) {
            if (proto.equals("tcp") || proto.equals("udp")) {
                protocol = Protocol.parse(proto);
            } else {
                error(item.field("protocol").line(), path + "/protocol", "protocol '" + proto + "' is not tcp or udp");
            }
        }
        List<PortRange> ports = new ArrayList<>();
        for (SourceNode n : list(item, "ports", path)) {
            String t = n.text() == null ? "" : n.text().trim();
            if (!t.matches("(0|[1-9][0-9]{0,4})(-(0|[1-9][0-9]{0,4}))?")) {
                error(
                        n.line(),
                        path + "/ports",
                        "'" + t + "' is not a decimal port or range such as 25 or 1024-2047 (no leading zeros)");
                continue;
            }
            try {
                ports.add(PortRange.parse(t));
            } catch (IllegalArgumentException e) {
                error(
                        n.line(),
                        path + "/ports",
                        "'" + t + "' is not a port range within 0..65535 with the first end not above the last");
            }
        }
        List<AddressFamily> families = new ArrayList<>();
        for (SourceNode n : list(item, "address-family", path)) {
            try {
                families.add(AddressFamily.fromId(String.valueOf(n.text())));
            } catch (IllegalArgumentException e) {
                error(n.line(), path + "/address-family", "'" + n.text() + "' is not ipv4 or ipv6");
            }
        }
        Direction direction = Direction.TO_SUBSCRIBER;
        SourceNode.Field dir = item.field("direction");
        if (dir != null) {
            String d = dir.value().text();
            if ("from-subscriber".equals(d)) {
                direction = Direction.FROM_SUBSCRIBER;
            } else if (!"to-subscriber".equals(d)) {
                error(dir.line(), path + "/direction", "direction '" + d + "' is not to-subscriber or from-subscriber");
            }
        }
        return new PublishedPromise.Block(
                name,
                protocol,
                ports.stream().sorted().toList(),
                families.stream().distinct().sorted().toList(),
                direction);
    }

    private List<SourceNode> list(SourceNode node, String key, String path) {
        SourceNode.Field f = node.field(key);
        if (f == null) {
            error(node.line(), path + "/" + key, "'" + key + "' is missing");
            return List.of();
        }
        if (f.value().isScalar()) {
            return List.of(f.value());
        }
        if (!f.value().isArray() || f.value().items().isEmpty()) {
            error(f.line(), path + "/" + key, "'" + key + "' must list at least one value");
            return List.of();
        }
        return f.value().items();
    }

    private String scalar(SourceNode node, String key, String path) {
        SourceNode.Field f = node.field(key);
        if (f == null
                || !f.value().isScalar()
                || f.value().text() == null
                || f.value().text().isBlank()) {
            error(f == null ? node.line() : f.line(), path + "/" + key, "'" + key + "' is missing or empty");
            return null;
        }
        return f.value().text().trim();
    }

    private int length(SourceNode node, String family, int bits, int fallback, String path) {
        SourceNode.Field f = node.field(family);
        if (f == null) {
            return fallback;
        }
        String t = f.value().text() == null ? "" : f.value().text().trim();
        if (!t.matches("0|[1-9][0-9]{0,2}") || Integer.parseInt(t) > bits) {
            error(f.line(), path + "/" + family, "'" + t + "' is not a prefix length 0.." + bits + " (decimal)");
            return fallback;
        }
        return Integer.parseInt(t);
    }

    private void error(int line, String path, String message) {
        out.add(Diagnostic.error(file, line, path, message));
    }

    private static Result failed(String file, String message) {
        return new Result(null, List.of(Diagnostic.error(file, 0, null, message)));
    }

    static String digest(byte[] bytes) {
        try {
            return "sha256:"
                    + HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
