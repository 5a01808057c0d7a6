package io.portcullis.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code portcullis completion bash|zsh}: picocli's generated completion script for the whole
 * command tree. zsh runs the same script through its bash compatibility layer (bashcompinit).
 */
@Command(
        name = "completion",
        description = {
            "Print a shell completion script for every command and option.",
            "bash: source <(portcullis completion bash); zsh: source <(portcullis completion zsh)."
        })
public class CompletionCommand implements Callable<Integer> {
    enum Shell {
        bash,
        zsh
    }

    @Parameters(
            index = "0",
            paramLabel = "bash|zsh",
            description = "The shell to complete for: ${COMPLETION-CANDIDATES}.")
    Shell shell;

    @Spec
    CommandSpec spec;

    /** The completion script for {@code top}'s whole command tree (also written into the release bundle at build). */
    static String script(Shell shell, CommandLine top) {
        String script = AutoComplete.bash(top.getCommandSpec().name(), top);
        if (shell == Shell.zsh) {
            script = "autoload -U +X compinit && compinit\nautoload -U +X bashcompinit && bashcompinit\n" + script;
        }
        return script;
    }

    @Override
    public Integer call() {
        spec.commandLine().getOut().print(script(shell, spec.root().commandLine()));
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
