package dev.tally.audit.chargeback.run;

import dev.tally.audit.chargeback.model.CostSource;
import dev.tally.audit.chargeback.source.cur.CurSource;
import dev.tally.audit.chargeback.source.cur.DuckDbSettings;
import dev.tally.audit.common.cli.UserFacingException;

/** The real sources: CUR files through DuckDB, or the Cost Explorer API. */
public final class CostSources implements CostSourceFactory {
    @Override
    public CostSource open(SourceSelection selection) {
        return switch (selection.kind()) {
            case CUR -> new CurSource(selection.cur(), DuckDbSettings.defaults());
            case COST_EXPLORER -> throw UserFacingException.usage("--source cost-explorer is not available in this "
                    + "build yet: export a CUR 2.0 and pass --source cur --cur <folder>");
        };
    }
}
