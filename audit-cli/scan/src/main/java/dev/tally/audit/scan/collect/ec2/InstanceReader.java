package dev.tally.audit.scan.collect.ec2;

import dev.tally.audit.scan.collect.AwsCall;
import java.util.List;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesRequest;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.Reservation;

/**
 * Reads a region's running and stopped EC2 instances ({@code ec2:DescribeInstances}, every page). Pending, stopping
 * and terminated instances are left out: they are either not billed yet or no longer billed.
 */
public final class InstanceReader {
    /** The EC2 maximum; fewer, larger pages mean fewer calls. */
    static final int PAGE_SIZE = 1000;
    /** Tag EC2 Auto Scaling puts on the instances it launches. */
    public static final String AUTO_SCALING_GROUP_TAG = "aws:autoscaling:groupName";
    /** Tag EKS managed node groups put on their instances. */
    public static final String EKS_CLUSTER_TAG = "eks:cluster-name";

    private final Ec2Client ec2;

    public InstanceReader(Ec2Client ec2) {
        this.ec2 = ec2;
    }

    /** Every running or stopped instance of the client's region, across all pages and reservations. */
    public List<Instance> runningAndStopped() {
        DescribeInstancesRequest request = DescribeInstancesRequest.builder()
                .filters(Filter.builder().name("instance-state-name").values("running", "stopped").build())
                .maxResults(PAGE_SIZE)
                .build();
        return AwsCall.named("Ec2", "DescribeInstances", () -> ec2.describeInstancesPaginator(request).stream()
                .flatMap(page -> page.reservations().stream())
                .map(Reservation::instances)
                .flatMap(List::stream)
                .toList());
    }
}
