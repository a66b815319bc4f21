package dev.tally.audit.common.config;

/** The policy files a {@code tally.yaml} (or a flag) can name, with the field and the flag that name each. */
public enum PolicyKind {
    /** Chargeback allocation rules ({@code tally chargeback}). */
    RULES("rules", "--rules", "rules"),
    /** Required cost-allocation tags ({@code tally scan}'s untagged check). */
    TAG_POLICY("tag-policy", "--tag-policy", "tag policy"),
    /** Idle and orphan thresholds ({@code tally scan}). */
    THRESHOLDS("thresholds", "--thresholds", "thresholds"),
    /** The usage profile a monthly estimate assumes ({@code tally estimate}). */
    USAGE("usage", "--usage", "usage profile");

    private final String configField;
    private final String flag;
    private final String label;

    PolicyKind(String configField, String flag, String label) {
        this.configField = configField;
        this.flag = flag;
        this.label = label;
    }

    /** Its field in {@code tally.yaml}. */
    public String configField() {
        return configField;
    }

    /** The command-line flag that names its file. */
    public String flag() {
        return flag;
    }

    /** How report headers name it. */
    public String label() {
        return label;
    }
}
