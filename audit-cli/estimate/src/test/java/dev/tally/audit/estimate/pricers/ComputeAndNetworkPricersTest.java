package dev.tally.audit.estimate.pricers;

import static dev.tally.audit.estimate.Priced.line;
import static dev.tally.audit.estimate.Priced.resource;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tally.audit.estimate.price.ResourceCost;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Fargate, ALB, EKS, NAT gateways, Elastic IPs and VPC endpoints. */
class ComputeAndNetworkPricersTest {

    private static String service(String strategy, String taskProperties, String target) {
        return """
                {"Resources": {
                  "Task": {"Type": "AWS::ECS::TaskDefinition", "Properties": %s},
                  "Cluster": {"Type": "AWS::ECS::Cluster", "Properties": {}},
                  "Service": {"Type": "AWS::ECS::Service", "Properties": {"Cluster": {"Ref": "Cluster"},
                    "TaskDefinition": {"Ref": "Task"}, "DesiredCount": 2, %s}},
                  "Target": {"Type": "AWS::ApplicationAutoScaling::ScalableTarget", "Properties": {
                    "ScalableDimension": "ecs:service:DesiredCount", "ServiceNamespace": "ecs",
                    "ResourceId": {"Fn::Join": ["", ["service/", {"Ref": "Cluster"}, "/", {"Fn::GetAtt": ["Service", "Name"]}]]},
                    %s}}}}""".formatted(taskProperties, strategy, target);
    }

    @Test
    @DisplayName("Fargate with a Spot share: base 1 on FARGATE, the rest 1:3 on FARGATE_SPOT, peak days from the profile")
    void fargateSpotShare() {
        // Task: 1 vCPU, 2 GB, x86_64. Floor 2 (MinCapacity), ceiling 10. Demand: 2 tasks, 6 on days 1-10.
        // 2027: days 1-10 of each month = 240 h x 12 = 2,880 h at 6 tasks; 5,880 h at 2.
        // 6 tasks: 1 base on-demand + 5 x 1/4 = 2.25 on-demand, 3.75 Spot; 2 tasks: 1.25 on-demand, 0.75 Spot.
        // Per month: on-demand (2,880 x 2.25 + 5,880 x 1.25) / 12 = 1,152.5 task-h; Spot (2,880 x 3.75 + 5,880 x 0.75) / 12 = 1,267.5.
        // On-demand: 1,152.5 vCPU-h x $0.04048 = 46.6532; 2,305 GB-h x $0.004445 = 10.2457.
        // Spot: 1,267.5 x $0.01334053 = 16.9091; 2,535 GB-h x $0.00146489 = 3.7135. Total $77.52.
        ResourceCost svc = resource(service("""
                "CapacityProviderStrategy": [{"CapacityProvider": "FARGATE", "Base": 1, "Weight": 1},
                                             {"CapacityProvider": "FARGATE_SPOT", "Weight": 3}]""",
                "{\"Cpu\": \"1024\", \"Memory\": \"2048\"}", "\"MinCapacity\": 2, \"MaxCapacity\": 10"), """
                name: t
                resources:
                  - {type: AWS::ECS::Service, match: Service, usage: {baselineTasks: 2, peak: {fromDay: 1, toDay: 10, tasks: 6}}}
                """, "Service");
        assertThat(line(svc, "on-demand vCPU")).isEqualByComparingTo("46.65");
        assertThat(line(svc, "spot vCPU")).isEqualByComparingTo("16.91");
        assertThat(svc.monthlyUsd()).isEqualByComparingTo("77.52");
    }

    @Test
    @DisplayName("Fargate arm64 floor from scheduled actions: 4 tasks on days 1-10, 1 otherwise, no traffic above it")
    void fargateScheduledFloor() {
        // Floor 4 from 00:00 on the 1st to 00:00 on the 11th (240 h a month), 1 the other 490 h (5,880 / 12).
        // 4 x 240 + 1 x 490 = 1,450 task-h. 0.25 vCPU: 362.5 x $0.03238 = 11.7378; 0.5 GB: 725 x $0.00356 = 2.581. $14.32.
        ResourceCost svc = resource(service("\"LaunchType\": \"FARGATE\"", """
                {"Cpu": "256", "Memory": "512", "RuntimePlatform": {"CpuArchitecture": "ARM64"}}""", """
                "MinCapacity": 1, "MaxCapacity": 10, "ScheduledActions": [
                  {"ScheduledActionName": "Up", "Schedule": "cron(0 0 1 * ? *)", "ScalableTargetAction": {"MinCapacity": 4}},
                  {"ScheduledActionName": "Down", "Schedule": "cron(0 0 11 * ? *)", "ScalableTargetAction": {"MinCapacity": 1}}]"""),
                "", "Service");
        assertThat(svc.monthlyUsd()).isEqualByComparingTo("14.32");
        assertThat(svc.notes()).anyMatch(n -> n.contains("1450 task-hours"));
    }

    @Test
    @DisplayName("Fargate Spot for ARM64 tasks has no price in the table: unpriced, naming it")
    void fargateArmSpot() {
        ResourceCost svc = resource(service("""
                "CapacityProviderStrategy": [{"CapacityProvider": "FARGATE_SPOT", "Weight": 1}]""",
                "{\"Cpu\": \"256\", \"Memory\": \"512\", \"RuntimePlatform\": {\"CpuArchitecture\": \"ARM64\"}}",
                "\"MinCapacity\": 1, \"MaxCapacity\": 2"), "", "Service");
        assertThat(svc.status()).isEqualTo(ResourceCost.Status.UNPRICED);
        assertThat(svc.notes().get(0)).contains("spot.vcpu-hour.arm64");
    }

    @Test
    @DisplayName("ALB: 730 h x $0.0225 = 16.425 plus 2 LCU x 730 h x $0.008 = 11.68: $28.11")
    void alb() {
        ResourceCost alb = resource("""
                {"Resources": {"Lb": {"Type": "AWS::ElasticLoadBalancingV2::LoadBalancer", "Properties": {"Type": "application"}}}}""", """
                name: t
                resources:
                  - {type: AWS::ElasticLoadBalancingV2::LoadBalancer, match: Lb, usage: {averageCapacityUnits: 2}}
                """, "Lb");
        assertThat(alb.monthlyUsd()).isEqualByComparingTo("28.11");
    }

    @Test
    @DisplayName("EKS: the control plane 730 h x $0.10 = $73.00")
    void eksCluster() {
        assertThat(resource("{\"Resources\": {\"C\": {\"Type\": \"AWS::EKS::Cluster\", \"Properties\": {\"Version\": \"1.31\"}}}}",
                "", "C").monthlyUsd()).isEqualByComparingTo("73.00");
    }

    @Test
    @DisplayName("EKS node groups: on-demand at the table's price, Spot at the profile's discount")
    void eksNodegroups() {
        String template = """
                {"Resources": {
                  "OnDemand": {"Type": "AWS::EKS::Nodegroup", "Properties": {"InstanceTypes": ["m6g.large"],
                    "ScalingConfig": {"DesiredSize": 3, "MinSize": 1, "MaxSize": 5}}},
                  "Spot": {"Type": "AWS::EKS::Nodegroup", "Properties": {"InstanceTypes": ["m6g.large"], "CapacityType": "SPOT",
                    "ScalingConfig": {"DesiredSize": 0, "MinSize": 0, "MaxSize": 10}}}}}""";
        String profile = """
                name: t
                resources:
                  - {type: AWS::EKS::Nodegroup, match: Spot, usage: {averageNodes: 3, spotDiscountPercent: 65}}
                """;
        // On-demand: 3 x 730 h x $0.077 = 168.63; volumes 3 x 20 GB x $0.08 = 4.80. $173.43.
        assertThat(resource(template, profile, "OnDemand").monthlyUsd()).isEqualByComparingTo("173.43");
        // Spot: $0.077 x 0.35 = $0.02695 x 2,190 h = 59.0205; volumes 4.80. $63.82.
        ResourceCost spot = resource(template, profile, "Spot");
        assertThat(spot.monthlyUsd()).isEqualByComparingTo("63.82");
        assertThat(spot.notes()).anyMatch(n -> n.contains("65% off on-demand"));
    }

    @Test
    @DisplayName("NAT gateway 730 h x $0.045 + 100 GB x $0.045 = $37.35; its EIP 730 h x $0.005 = $3.65")
    void natAndEip() {
        String template = """
                {"Resources": {"Eip": {"Type": "AWS::EC2::EIP", "Properties": {"Domain": "vpc"}},
                  "Nat": {"Type": "AWS::EC2::NatGateway", "Properties": {"AllocationId": {"Fn::GetAtt": ["Eip", "AllocationId"]}}}}}""";
        String profile = """
                name: t
                resources:
                  - {type: AWS::EC2::NatGateway, match: Nat, usage: {dataProcessedGb: 100}}
                """;
        assertThat(resource(template, profile, "Nat").monthlyUsd()).isEqualByComparingTo("37.35");
        assertThat(resource(template, profile, "Eip").monthlyUsd()).isEqualByComparingTo("3.65");
    }

    @Test
    @DisplayName("interface endpoint in 2 subnets: 1,460 AZ-h x $0.01 + 10 GB x $0.01 = $14.70; a gateway endpoint is free")
    void vpcEndpoints() {
        String template = """
                {"Resources": {
                  "A": {"Type": "AWS::EC2::Subnet", "Properties": {}}, "B": {"Type": "AWS::EC2::Subnet", "Properties": {}},
                  "Interface": {"Type": "AWS::EC2::VPCEndpoint", "Properties": {"VpcEndpointType": "Interface",
                    "SubnetIds": [{"Ref": "A"}, {"Ref": "B"}]}},
                  "Gateway": {"Type": "AWS::EC2::VPCEndpoint", "Properties": {"ServiceName": "com.amazonaws.us-east-1.s3"}}}}""";
        String profile = """
                name: t
                defaults:
                  AWS::EC2::VPCEndpoint: {dataProcessedGb: 10}
                """;
        assertThat(resource(template, profile, "Interface").monthlyUsd()).isEqualByComparingTo("14.70");
        ResourceCost gateway = resource(template, profile, "Gateway");
        assertThat(gateway.monthlyUsd()).isEqualByComparingTo("0");
        assertThat(gateway.notes()).contains("gateway endpoint: no charge");
    }
}
