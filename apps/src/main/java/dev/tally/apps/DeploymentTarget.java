package dev.tally.apps;

/**
 * The AWS account and region one environment deploys to, from context ({@code stagingAccount} +
 * {@code stagingRegion}, {@code productionAccount} + {@code productionRegion}, or the shared {@code account} +
 * {@code region}). Given as literals, so synthesis still makes no AWS look-up.
 *
 * @param account 12-digit account id
 * @param region  region name, e.g. {@code eu-west-1}
 */
public record DeploymentTarget(String account, String region) {
}
