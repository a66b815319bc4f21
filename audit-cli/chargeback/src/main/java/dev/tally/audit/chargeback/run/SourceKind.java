package dev.tally.audit.chargeback.run;

import dev.tally.audit.common.cli.UserFacingException;

/** Where {@code --source} reads the month from. */
public enum SourceKind {
    /** The Cost Explorer API (paid per request; closed months are cached on disk). */
    COST_EXPLORER("cost-explorer"),
    /** CUR 2.0 files on disk, aggregated by embedded DuckDB. */
    CUR("cur"),
    /** The CUR 2.0 table in Amazon Athena: the same queries, run there (billed per data scanned). */
    ATHENA("athena");

    private final String flag;

    SourceKind(String flag) {
        this.flag = flag;
    }

    public String flag() {
        return flag;
    }

    public static SourceKind parse(String text) {
        for (SourceKind kind : values()) {
            if (kind.flag.equalsIgnoreCase(text.strip())) {
                return kind;
            }
        }
        throw UserFacingException.usage("--source '" + text + "' is not one of cost-explorer, cur, athena");
    }
}
