package dev.tally.constructs.compliance;

import dev.tally.constructs.finops.FinOpsChecks;
import dev.tally.constructs.finops.FinOpsPolicy;
import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.HIPAASecurityChecks;
import io.github.cdklabs.cdknag.NIST80053R5Checks;
import io.github.cdklabs.cdknag.NagPack;
import io.github.cdklabs.cdknag.NagPackProps;
import io.github.cdklabs.cdknag.PCIDSS321Checks;
import io.github.cdklabs.cdknag.ServerlessChecks;
import java.util.ArrayList;
import java.util.List;

/**
 * The nag packs the gate can run, by the name cdk-nag gives their rule ids ({@code NIST.800.53.R5-S3BucketLoggingEnabled})
 * and their CSV reports. Choosing packs is data: a list of these names (cdk.json's {@code nagPacks} context, or
 * {@link ComplianceGate.Builder#packs}).
 */
public final class NagPacks {

  public static final String AWS_SOLUTIONS = "AwsSolutions";
  public static final String SERVERLESS = "Serverless";
  public static final String NIST_800_53_R5 = "NIST.800.53.R5";
  public static final String PCI_DSS_321 = "PCI.DSS.321";
  public static final String HIPAA_SECURITY = "HIPAA.Security";
  public static final String FINOPS = FinOpsChecks.PACK_NAME;

  /** cdk-nag's five packs, in the order the gate runs them. */
  public static final List<String> STANDARD = List.of(AWS_SOLUTIONS, SERVERLESS, NIST_800_53_R5, PCI_DSS_321,
      HIPAA_SECURITY);

  /** Every pack the gate knows: cdk-nag's five and Tally's FinOps pack. */
  public static final List<String> ALL = List.of(AWS_SOLUTIONS, SERVERLESS, NIST_800_53_R5, PCI_DSS_321,
      HIPAA_SECURITY, FINOPS);

  private NagPacks() {}

  /** The pack called {@code name}; FinOps with {@code finOps}'s levels. */
  static NagPack create(String name, NagPackProps props, FinOpsPolicy finOps) {
    return switch (name) {
      case AWS_SOLUTIONS -> new AwsSolutionsChecks(props);
      case SERVERLESS -> new ServerlessChecks(props);
      case NIST_800_53_R5 -> new NIST80053R5Checks(props);
      case PCI_DSS_321 -> new PCIDSS321Checks(props);
      case HIPAA_SECURITY -> new HIPAASecurityChecks(props);
      case FINOPS -> new FinOpsChecks(props, finOps);
      default -> throw new IllegalArgumentException(unknown(name));
    };
  }

  /** Every problem with a choice of packs: unknown names, duplicates, an empty list. */
  public static List<String> problemsWith(List<String> packs) {
    List<String> problems = new ArrayList<>();
    if (packs == null || packs.isEmpty()) {
      problems.add("choose at least one nag pack: " + String.join(", ", ALL));
      return problems;
    }
    List<String> seen = new ArrayList<>();
    for (String pack : packs) {
      if (!ALL.contains(pack)) {
        problems.add(unknown(pack));
      } else if (seen.contains(pack)) {
        problems.add("nag pack " + pack + " is listed twice");
      }
      seen.add(pack);
    }
    return problems;
  }

  private static String unknown(String name) {
    return "unknown nag pack '" + name + "': choose from " + String.join(", ", ALL);
  }
}
