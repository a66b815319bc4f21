package dev.tally.constructs.eks;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import java.util.List;
import software.amazon.awscdk.services.eks_v2.Cluster;
import software.amazon.awscdk.services.eks_v2.Nodegroup;

/** The EKS findings intrinsic to the design, each suppressed on its one resource and finding, with its reason. */
final class EksNagSuppressions {

  private EksNagSuppressions() {}

  /** EKS requires these AWS managed policies on the cluster and node roles; their content is AWS's to keep current. */
  static void managedPolicies(Cluster cluster, Nodegroup... nodegroups) {
    NagSuppressions.addResourceSuppressions(cluster.getRole(), List.of(NagPackSuppression.builder()
        .id("AwsSolutions-IAM4")
        .reason("EKS requires AmazonEKSClusterPolicy on the cluster role; AWS maintains it as the API evolves.")
        .appliesTo(List.of("Policy::arn:<AWS::Partition>:iam::aws:policy/AmazonEKSClusterPolicy"))
        .build()), true);
    for (Nodegroup group : nodegroups) {
      NagSuppressions.addResourceSuppressions(group.getRole(), List.of(NagPackSuppression.builder()
          .id("AwsSolutions-IAM4")
          .reason("Managed node groups require AmazonEKSWorkerNodePolicy, AmazonEC2ContainerRegistryReadOnly and"
              + " AmazonEKS_CNI_Policy on the node role (EKS documents exactly these); AWS keeps them current.")
          .appliesTo(List.of(
              "Policy::arn:<AWS::Partition>:iam::aws:policy/AmazonEKSWorkerNodePolicy",
              "Policy::arn:<AWS::Partition>:iam::aws:policy/AmazonEKS_CNI_Policy",
              "Policy::arn:<AWS::Partition>:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly"))
          .build()), true);
    }
  }

  /** Outside production operators reach the API over the internet, authenticated by IAM. */
  static void publicEndpoint(Cluster cluster) {
    NagSuppressions.addResourceSuppressions(cluster, List.of(NagPackSuppression.builder()
        .id("AwsSolutions-EKS1")
        .reason("Outside production the API endpoint may be public: every request is still authenticated by IAM and"
            + " authorized by access entries; production defaults to private and reports a public endpoint.")
        .build()), true);
  }
}
