package dev.tally.audit.common.cli;

import dev.tally.audit.common.config.ProjectConfig;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --config FILE} (a picocli mixin): the project file to use instead of the {@code tally.yaml} found from the
 * current folder upwards.
 */
public final class ConfigOption {
    @Option(names = "--config", paramLabel = "FILE",
            description = "Project file naming the rules, tag policy, thresholds and usage profile (default: the tally.yaml in this "
                    + "folder or the nearest one above it; none: the bundled defaults).")
    Path config;

    /**
     * The project configuration: {@code --config}'s file, else the one discovered from {@code workingDir}.
     *
     * @throws UserFacingException (usage) when the file is missing or broken
     */
    public ProjectConfig load(Path workingDir) {
        return config != null ? ProjectConfig.load(config) : ProjectConfig.discover(workingDir);
    }
}
