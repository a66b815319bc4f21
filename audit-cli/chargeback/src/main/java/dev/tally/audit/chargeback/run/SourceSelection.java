package dev.tally.audit.chargeback.run;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The command line's choice of cost source and how to reach it.
 *
 * @param kind      Cost Explorer or CUR
 * @param cur       CUR folders or files (CUR only)
 * @param profile   AWS profile (Cost Explorer only)
 * @param region    AWS region (Cost Explorer only; its endpoint is global, us-east-1, by default)
 * @param cacheDir  where closed months are cached (Cost Explorer only); empty for the default
 */
public record SourceSelection(SourceKind kind, List<Path> cur, Optional<String> profile,
        Optional<String> region, Optional<Path> cacheDir) {
    public SourceSelection {
        cur = List.copyOf(cur);
    }
}
