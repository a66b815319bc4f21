package dev.tally.audit.common.aws;

/**
 * A region and the setting it came from, so a report can say why it used it.
 *
 * @param id     the region code, e.g. {@code eu-west-1}
 * @param origin {@code --region}, {@code AWS_REGION} or {@code profile 'NAME'}
 */
public record ResolvedRegion(String id, String origin) {
}
