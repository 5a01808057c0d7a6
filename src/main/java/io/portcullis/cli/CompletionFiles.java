package io.portcullis.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Build-time writer of the completion scripts the release bundle installs ({@code completion/portcullis.bash},
 * {@code completion/_portcullis}): the same text {@code portcullis completion bash|zsh} prints, so a bundle user
 * needs no first run to get completion. Run by the pom's exec-maven-plugin with the output directory as argument.
 */
public final class CompletionFiles {
    private CompletionFiles() {}

    public static void main(String... args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: CompletionFiles OUTPUT_DIR");
        }
        Path dir = Files.createDirectories(Path.of(args[0]));
        var top = CommandLines.create(null);
        Files.writeString(
                dir.resolve("portcullis.bash"),
                CompletionCommand.script(CompletionCommand.Shell.bash, top),
                StandardCharsets.UTF_8);
        Files.writeString(
                dir.resolve("_portcullis"),
                CompletionCommand.script(CompletionCommand.Shell.zsh, top),
                StandardCharsets.UTF_8);
    }
}
