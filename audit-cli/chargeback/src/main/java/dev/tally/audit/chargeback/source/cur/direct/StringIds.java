package dev.tally.audit.chargeback.source.cur.direct;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Numbers the distinct strings of one aggregation (accounts, services, types, tag values), shared by the worker
 * threads: each column chunk's dictionary is mapped to these ids once, so rows are grouped by integers and a string is
 * never hashed per row. Called once per dictionary entry, not per row, so a lock is cheap enough.
 */
final class StringIds {
    /** The id of SQL NULL. */
    static final int NULL = -1;
    private final Map<String, Integer> ids = new HashMap<>();
    private final List<String> values = new ArrayList<>();

    synchronized int id(String value) {
        if (value == null) {
            return NULL;
        }
        Integer id = ids.get(value);
        if (id == null) {
            id = values.size();
            ids.put(value, id);
            values.add(value);
        }
        return id;
    }

    synchronized String value(int id) {
        return id == NULL ? null : values.get(id);
    }
}
