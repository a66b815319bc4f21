/**
 * Secure, cost-aware default props, one small class per AWS service, in the manner of AWS Solutions Constructs'
 * {@code *-defaults.ts} / {@code *-helper.ts}: a construct starts from these defaults, applies the user's choices,
 * then applies what the construct itself requires (encryption, TLS-only access and so on cannot be switched off).
 */
package dev.tally.constructs.defaults;
