package dev.tally.functions.portalimport;

import java.math.BigDecimal;

/**
 * One valid line of a month's manifest: the metadata of one new document.
 *
 * @param line          1-based line number in the manifest (the header is line 1)
 * @param customerId    the customer the document belongs to
 * @param invoiceNumber the invoice's number, unique per customer
 * @param amount        the invoice total, at most two decimals, not negative
 * @param s3Key         the document's key in the documents bucket: its identity for idempotency
 */
public record ManifestRow(int line, String customerId, String invoiceNumber, BigDecimal amount, String s3Key)
    implements ManifestLine {}
