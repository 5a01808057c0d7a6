package io.portcullis.cli;

import io.quarkus.picocli.runtime.annotations.TopCommand;
import picocli.CommandLine.Command;

@TopCommand
@Command(name = "portcullis", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Keeps the subscriber-protection ACL policy true on every BNG router.",
        subcommands = {ValidateCommand.class, RenderCommand.class, VerifyCommand.class, PlanCommand.class,
                ApplyCommand.class, RecoverCommand.class, DriftCommand.class, HistoryCommand.class, LabCommand.class, ServeCommand.class})
public class PortcullisCommand {
}
