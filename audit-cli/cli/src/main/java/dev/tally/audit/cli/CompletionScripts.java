package dev.tally.audit.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the completion scripts the distribution ships ({@code tally.bash}, {@code tally.zsh}) into a folder; the
 * build runs it before packaging, so the archive's scripts are exactly what {@code tally completion} prints.
 */
public final class CompletionScripts {
    private CompletionScripts() {
    }

    /** {@code args[0]}: the folder to write into (created if missing). */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: CompletionScripts <output folder>");
        }
        Path dir = Files.createDirectories(Path.of(args[0]));
        for (String shell : new String[] {"bash", "zsh"}) {
            Files.writeString(dir.resolve("tally." + shell), CompletionCommand.script(TallyCli.commandLine(), shell),
                    StandardCharsets.UTF_8);
        }
    }
}
