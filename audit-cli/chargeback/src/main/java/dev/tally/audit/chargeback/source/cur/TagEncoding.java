package dev.tally.audit.chargeback.source.cur;

/** How a CUR file stores {@code resource_tags}: a real map (Parquet) or a JSON object as text (CSV exports). */
public enum TagEncoding {
    MAP,
    JSON_TEXT
}
