package dev.tally.constructs.portal;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import io.github.cdklabs.cdknag.RegexAppliesTo;
import java.util.List;
import software.amazon.awscdk.services.iam.IRole;
import software.constructs.IConstruct;

/**
 * The only cdk-nag findings the portal does not fix, each intrinsic to the design, suppressed on the one resource it
 * concerns (and, for IAM5, the one finding) with the reason written down. Everything else is made compliant.
 */
final class PortalNagSuppressions {

  private PortalNagSuppressions() {}

  static void apply(CustomerPortal portal, IRole importRole) {
    CustomerPortalProps p = portal.getProps();
    suppress(portal.getLoadBalancer().getConnections().getSecurityGroups().get(0), "AwsSolutions-EC23",
        "The customer portal is public: its load balancer must accept HTTPS (and HTTP, only to redirect it) from any"
            + " address. Tasks, database and endpoints accept traffic from inside the VPC only.");
    suppress(portal.getTaskDefinition(), "AwsSolutions-ECS2",
        "The environment holds configuration only (bucket name, database host, port and name); the database"
            + " credentials reach the container as ECS secrets from Secrets Manager, never as plain variables.");
    suppress(portal.getTaskDefinition().getTaskRole(), "AwsSolutions-IAM5",
        "The portal reads and writes any customer's documents: object actions are scoped to this one bucket's"
            + " objects (arn/*) and to GetObject, PutObject and DeleteObject; no bucket-level change is allowed.",
        regex("^Resource::<.*Documents.*\\.Arn>/\\*$"));
    suppress(portal.getTaskDefinition().obtainExecutionRole(), "AwsSolutions-IAM5",
        "ecr:GetAuthorizationToken has no resource-level permissions (Resource '*' is the only option); image"
            + " pulls and log writes are scoped to the one repository and log group.", "Resource::*");
    suppress(importRole, "AwsSolutions-IAM5",
        "A function in a VPC creates and deletes its network interfaces, actions without resource-level scope"
            + " (Resource '*'); the job reads manifests only (manifests/*), never the documents.",
        "Resource::*", regex("^Resource::<.*Documents.*\\.Arn>/manifests/\\*$"));
    suppress(portal.getImportFunction(), "AwsSolutions-L1",
        "java21 is the LTS runtime the import handler is built and tested for (Lambda supports it into 2029).");
    suppress(portal.getImportFunction(), "Serverless-LambdaLatestVersion",
        "java21 is the LTS runtime the import handler is built and tested for (Lambda supports it into 2029).");
    suppress(portal.getImportDeadLetterQueue(), "Serverless-SQSRedrivePolicy",
        "This is a terminal dead-letter queue: its messages wait for an operator (alarmed on depth > 0).");
    suppress(portal.getDatabase(), "AwsSolutions-RDS11",
        "The default PostgreSQL port is kept: the instance sits in isolated subnets and its security group admits"
            + " only the portal tasks, the import job and the secret rotation; a moved port hides nothing from them.");
    if (!p.production()) {
      suppress(portal.getDatabase(), "AwsSolutions-RDS10",
          "Outside production the database must be deletable with its stack; production sets deletion protection.");
    }
    if (!p.production() && !p.effectiveMultiAz()) {
      suppress(portal.getDatabase(), "AwsSolutions-RDS3",
          "Single-AZ outside production halves the instance price; production runs Multi-AZ (choosing single-AZ there"
              + " is left for the gate to report).");
    }
  }

  private static Object regex(String pattern) {
    return RegexAppliesTo.builder().regex("/" + pattern + "/").build();
  }

  private static void suppress(IConstruct resource, String id, String reason, Object... appliesTo) {
    NagPackSuppression.Builder b = NagPackSuppression.builder().id(id).reason(reason);
    if (appliesTo.length > 0) {
      b.appliesTo(List.of(appliesTo));
    }
    NagSuppressions.addResourceSuppressions(resource, List.of(b.build()), true);
  }
}
