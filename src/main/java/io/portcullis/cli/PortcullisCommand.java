package io.portcullis.cli;

import io.quarkus.picocli.runtime.annotations.TopCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.ScopeType;

/**
 * The top command. {@code scope = INHERIT} copies {@code mixinStandardHelpOptions} and
 * {@code showDefaultValues} to every subcommand, so {@code --help}/{@code -h} work everywhere
 * (and a required option such as render's {@code --device} is not demanded when help is asked for).
 */
@TopCommand
@Command(
        name = "portcullis",
        mixinStandardHelpOptions = true,
        scope = ScopeType.INHERIT,
        showDefaultValues = true,
        versionProvider = VersionProvider.class,
        description = "Keeps the subscriber-protection ACL policy true on every BNG router.",
        subcommands = {
            ValidateCommand.class,
            RenderCommand.class,
            VerifyCommand.class,
            PlanCommand.class,
            ApplyCommand.class,
            RecoverCommand.class,
            DriftCommand.class,
            CountersCommand.class,
            HistoryCommand.class,
            QuarantineCommand.class,
            LabCommand.class,
            ServeCommand.class,
            CompletionCommand.class,
            HelpCommand.class
        })
public class PortcullisCommand {
    /**
     * The same top command without its subcommands, for {@link CommandLines#forArgs}, which adds the one a command line
     * names. Its attributes must stay those above ({@code CommandLinesTest} compares the two trees' help and version).
     */
    @Command(
            name = "portcullis",
            mixinStandardHelpOptions = true,
            scope = ScopeType.INHERIT,
            showDefaultValues = true,
            versionProvider = VersionProvider.class,
            description = "Keeps the subscriber-protection ACL policy true on every BNG router.")
    static final class WithOneSubcommand {}
}
