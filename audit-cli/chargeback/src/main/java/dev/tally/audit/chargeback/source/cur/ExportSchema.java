package dev.tally.audit.chargeback.source.cur;

import dev.tally.audit.common.cli.UserFacingException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Which AWS Data Exports table the files hold, told from their columns. */
public enum ExportSchema {
    /** "Cost and Usage Report 2.0" ({@code line_item_*}, {@code resource_tags}). */
    CUR_2_0("CUR 2.0"),
    /** "FOCUS 1.2 with AWS columns" ({@code ChargeCategory}, {@code BilledCost}, {@code Tags}). */
    FOCUS_1_2("FOCUS 1.2");

    private final String label;

    ExportSchema(String label) {
        this.label = label;
    }

    /** How the report's source line names it. */
    public String label() {
        return label;
    }

    /**
     * The one schema every file has; a file that is neither, or a mix of both, is a usage error naming the files.
     */
    static ExportSchema detect(CurSchema schema) {
        Map<ExportSchema, Path> seen = new TreeMap<>();
        for (Map.Entry<Path, Map<String, String>> file : schema.files().entrySet()) {
            Set<String> columns = file.getValue().keySet();
            ExportSchema found;
            if (columns.contains(CurColumns.LINE_ITEM_TYPE)) {
                found = CUR_2_0;
            } else if (columns.containsAll(FocusColumns.SIGNATURE)) {
                found = FOCUS_1_2;
            } else {
                throw UserFacingException.usage(file.getKey() + " is neither a CUR 2.0 nor a FOCUS 1.2 export: it has"
                        + " no line_item_line_item_type column (CUR 2.0) nor ChargeCategory, BilledCost and"
                        + " BillingPeriodStart columns (FOCUS 1.2). Export 'CUR 2.0' or 'FOCUS 1.2 with AWS columns'"
                        + " from AWS Data Exports.");
            }
            seen.putIfAbsent(found, file.getKey());
        }
        if (seen.size() > 1) {
            throw UserFacingException.usage("the inputs mix a CUR 2.0 export (" + seen.get(CUR_2_0)
                    + ") and a FOCUS 1.2 export (" + seen.get(FOCUS_1_2) + "): pass the files of one export");
        }
        return seen.keySet().iterator().next();
    }
}
