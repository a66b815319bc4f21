package dev.tally.audit.chargeback.source.cur;

import java.util.Locale;

/**
 * A requested cost-allocation tag and the key it has in CUR 2.0's {@code resource_tags} map, where user-defined tags
 * are prefixed {@code user_} and AWS-generated ones {@code aws_} (tag {@code team} is {@code user_team};
 * {@code aws:createdBy} is {@code aws_createdBy}).
 *
 * @param requested the key as the user wrote it, which is also the key of {@code CostRow.tags()}
 * @param curKey    the key in {@code resource_tags}
 */
public record CurTag(String requested, String curKey) {

    /** Maps a tag key as written on the command line to its CUR 2.0 key; keys already in CUR form are kept. */
    public static CurTag of(String requested) {
        String lower = requested.toLowerCase(Locale.ROOT);
        if (lower.startsWith("user_") || lower.startsWith("aws_")) {
            return new CurTag(requested, requested);
        }
        if (lower.startsWith("aws:")) {
            return new CurTag(requested, "aws_" + requested.substring(4));
        }
        return new CurTag(requested, "user_" + requested);
    }
}
