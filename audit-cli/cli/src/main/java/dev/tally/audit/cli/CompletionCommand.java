package dev.tally.audit.cli;

import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code tally completion bash|zsh}: prints the shell completion script picocli generates from the command tree, so
 * it always matches the flags of this build. The same script serves zsh through {@code bashcompinit}, which it loads
 * itself when run under zsh.
 */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = {"Print the shell completion script for bash or zsh.",
            "bash: source <(tally completion bash)   (or save it under /etc/bash_completion.d/)",
            "zsh:  source <(tally completion zsh)    (in ~/.zshrc)"})
public final class CompletionCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SHELL", description = "bash or zsh.")
    String shell;

    @Override
    public Integer call() {
        String script = script(spec.root().commandLine(), shell);
        spec.commandLine().getOut().print(script);
        spec.commandLine().getOut().flush();
        return 0;
    }

    /** The completion script of {@code root} for {@code shell}; an unknown shell is a usage error. */
    static String script(CommandLine root, String shell) {
        String name = root.getCommandName();
        return switch (shell.strip().toLowerCase(Locale.ROOT)) {
            case "bash" -> AutoComplete.bash(name, root);
            case "zsh" -> "# zsh completion for " + name + ": source this file from ~/.zshrc (it loads bashcompinit)\n"
                    + AutoComplete.bash(name, root);
            default -> throw new CommandLine.ParameterException(root,
                    "completion: unknown shell '" + shell + "' (valid: bash, zsh)");
        };
    }
}
