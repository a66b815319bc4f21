package dev.tally.audit.estimate.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a cloud assembly of two stages, each with stacks of a repeating 25-resource unit that exercises every costly
 * path of the pricer: Lambda functions with scheduled provisioned concurrency (a year's simulation each), Fargate
 * services with a scheduled floor (8,760 hours each), buckets with lifecycle rules, tables, queues, alarms, log
 * groups, IAM roles. {@code units} × 25 resources in all.
 */
final class SyntheticAssembly {
    static final int RESOURCES_PER_UNIT = 25;
    private static final ObjectMapper JSON = new ObjectMapper();

    private SyntheticAssembly() {
    }

    /** Writes it under {@code dir}; returns the resource count. */
    static int write(Path dir, int units) throws IOException {
        ObjectNode top = JSON.createObjectNode().put("version", "54.0.0");
        ObjectNode topArtifacts = top.putObject("artifacts");
        int written = 0;
        String[] stages = {"Staging", "Production"};
        for (int s = 0; s < stages.length; s++) {
            String stage = stages[s];
            Path stageDir = Files.createDirectories(dir.resolve("assembly-" + stage));
            topArtifacts.putObject("assembly-" + stage).put("type", "cdk:cloud-assembly").putObject("properties")
                    .put("directoryName", "assembly-" + stage).put("displayName", stage);
            ObjectNode manifest = JSON.createObjectNode().put("version", "54.0.0");
            ObjectNode artifacts = manifest.putObject("artifacts");
            int stageUnits = units / 2 + (s == 0 ? units % 2 : 0);
            int stacks = Math.max(1, stageUnits / 5);
            for (int k = 0; k < stacks; k++) {
                ObjectNode resources = JSON.createObjectNode();
                int from = k * stageUnits / stacks;
                int to = (k + 1) * stageUnits / stacks;
                for (int u = from; u < to; u++) {
                    unit(resources, stage + "/Stack" + k, u);
                }
                written += resources.size();
                String id = stage + "Stack" + k;
                ObjectNode template = JSON.createObjectNode();
                template.set("Resources", resources);
                JSON.writeValue(stageDir.resolve(id + ".template.json").toFile(), template);
                ObjectNode artifact = artifacts.putObject(id);
                artifact.put("type", "aws:cloudformation:stack").put("environment", "aws://unknown-account/unknown-region")
                        .put("displayName", stage + "/Stack" + k);
                artifact.putObject("properties").put("templateFile", id + ".template.json").put("stackName", "bench-" + id);
            }
            JSON.writeValue(stageDir.resolve("manifest.json").toFile(), manifest);
        }
        JSON.writeValue(dir.resolve("manifest.json").toFile(), top);
        return written;
    }

    private static void unit(ObjectNode resources, String path, int u) {
        String p = path + "/Unit" + u + "/";
        for (int f = 0; f < 3; f++) {
            String fn = "Fn" + u + "x" + f;
            resource(resources, fn, "AWS::Lambda::Function", p + "Fn" + f + "/Resource").putObject("Properties")
                    .put("MemorySize", 512 + 256 * f).set("Architectures", JSON.createArrayNode().add("arm64"));
            resource(resources, fn + "Alias", "AWS::Lambda::Alias", p + "Fn" + f + "/Alias/Resource").putObject("Properties")
                    .put("Name", "live").put("FunctionVersion", "1").putObject("FunctionName").put("Ref", fn);
            resource(resources, fn + "Logs", "AWS::Logs::LogGroup", p + "Fn" + f + "Logs/Resource").putObject("Properties")
                    .put("RetentionInDays", 90);
            resource(resources, fn + "Alarm", "AWS::CloudWatch::Alarm", p + "Fn" + f + "Errors/Resource").putObject("Properties")
                    .put("Period", 60).put("MetricName", "Errors");
            resource(resources, fn + "Role", "AWS::IAM::Role", p + "Fn" + f + "Role/Resource").putObject("Properties");
        }
        ObjectNode target = resource(resources, "Pc" + u, "AWS::ApplicationAutoScaling::ScalableTarget",
                p + "Pc/Resource").putObject("Properties");
        target.put("MinCapacity", 0).put("MaxCapacity", 10).put("ScalableDimension", "lambda:function:ProvisionedConcurrency");
        target.putObject("ResourceId").putArray("Fn::Join").add("").addArray().add("function:")
                .add(JSON.createObjectNode().put("Ref", "Fn" + u + "x0Alias"));
        ArrayNode actions = target.putArray("ScheduledActions");
        actions.addObject().put("Schedule", "cron(0 22 29 1,3,4,5,6,7,8,9,10,11,12 ? *)").putObject("ScalableTargetAction").put("MinCapacity", 10);
        actions.addObject().put("Schedule", "cron(0 22 27 2 ? *)").putObject("ScalableTargetAction").put("MinCapacity", 10);
        actions.addObject().put("Schedule", "cron(0 0 3 * ? *)").putObject("ScalableTargetAction").put("MinCapacity", 0);
        resource(resources, "Table" + u, "AWS::DynamoDB::Table", p + "Table/Resource").putObject("Properties")
                .put("BillingMode", "PAY_PER_REQUEST").putObject("PointInTimeRecoverySpecification").put("PointInTimeRecoveryEnabled", true);
        resource(resources, "Queue" + u, "AWS::SQS::Queue", p + "Queue/Resource").putObject("Properties");
        ObjectNode bucket = resource(resources, "Bucket" + u, "AWS::S3::Bucket", p + "Bucket/Resource").putObject("Properties");
        bucket.putObject("LifecycleConfiguration").putArray("Rules").addObject().put("Status", "Enabled")
                .putArray("Transitions").addObject().put("StorageClass", "GLACIER_IR").put("TransitionInDays", 60);
        resource(resources, "Task" + u, "AWS::ECS::TaskDefinition", p + "Task/Resource").putObject("Properties")
                .put("Cpu", "512").put("Memory", "1024");
        ObjectNode service = resource(resources, "Service" + u, "AWS::ECS::Service", p + "Service/Resource").putObject("Properties");
        service.put("LaunchType", "FARGATE").put("DesiredCount", 2).putObject("TaskDefinition").put("Ref", "Task" + u);
        ObjectNode floor = resource(resources, "Floor" + u, "AWS::ApplicationAutoScaling::ScalableTarget",
                p + "Floor/Resource").putObject("Properties");
        floor.put("MinCapacity", 2).put("MaxCapacity", 12).put("ScalableDimension", "ecs:service:DesiredCount");
        floor.putObject("ResourceId").putArray("Fn::Join").add("").addArray().add("service/")
                .add(JSON.createObjectNode().set("Fn::GetAtt", JSON.createArrayNode().add("Service" + u).add("Name")));
        ArrayNode floorActions = floor.putArray("ScheduledActions");
        floorActions.addObject().put("Schedule", "cron(0 0 1 * ? *)").putObject("ScalableTargetAction").put("MinCapacity", 4);
        floorActions.addObject().put("Schedule", "cron(0 0 11 * ? *)").putObject("ScalableTargetAction").put("MinCapacity", 2);
        resource(resources, "Key" + u, "AWS::KMS::Key", p + "Key/Resource").putObject("Properties");
        resource(resources, "Stream" + u, "AWS::Kinesis::Stream", p + "Stream/Resource").putObject("Properties").put("ShardCount", 1);
        resource(resources, "Dash" + u, "AWS::CloudWatch::Dashboard", p + "Dashboard/Resource").putObject("Properties");
    }

    private static ObjectNode resource(ObjectNode resources, String id, String type, String path) {
        ObjectNode r = resources.putObject(id);
        r.put("Type", type);
        r.putObject("Metadata").put("aws:cdk:path", path);
        return r;
    }
}
