package dev.tally.audit.chargeback.run;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The command line's choice of cost source and how to reach it.
 *
 * @param kind      Cost Explorer or CUR
 * @param cur       CUR folders or files (CUR only)
 * @param profile   AWS profile (Cost Explorer only)
 * @param region    AWS region (Cost Explorer only; its endpoint is global, us-east-1, by default)
 * @param cacheDir  where closed months are cached (Cost Explorer only); empty for the default
 * @param athena    the Athena table and where to run (Athena only)
 * @param progress  where a source reports what it is doing and spending (paid Cost Explorer requests); the CLI's
 *                  standard error
 */
public record SourceSelection(SourceKind kind, List<Path> cur, Optional<String> profile,
        Optional<String> region, Optional<Path> cacheDir, AthenaTarget athena, Consumer<String> progress) {
    public SourceSelection {
        cur = List.copyOf(cur);
    }

    /** A selection without Athena settings (Cost Explorer or CUR files). */
    public SourceSelection(SourceKind kind, List<Path> cur, Optional<String> profile, Optional<String> region,
            Optional<Path> cacheDir) {
        this(kind, cur, profile, region, cacheDir, new AthenaTarget("cur_db.cur2", Optional.empty(), Optional.empty()),
                line -> { });
    }

    /**
     * Where {@code --source athena} runs.
     *
     * @param table          {@code --athena-table}
     * @param workGroup      {@code --athena-workgroup}, empty for {@code primary}
     * @param outputLocation {@code --athena-output}, empty for the workgroup's result location
     */
    public record AthenaTarget(String table, Optional<String> workGroup, Optional<String> outputLocation) {
    }
}
