package dev.tally.constructs.finops.rules;

import dev.tally.constructs.finops.FinOpsPolicy;
import dev.tally.constructs.finops.FinOpsRule;
import dev.tally.constructs.finops.Prices;
import dev.tally.constructs.finops.Verdict;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.CfnResource;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.ec2.CfnInstance;
import software.amazon.awscdk.services.ec2.CfnLaunchTemplate;
import software.amazon.awscdk.services.ec2.CfnVolume;
import software.amazon.awscdk.services.rds.CfnDBInstance;

/** gp2 volumes (EC2 volumes, instance and launch-template block devices, RDS storage) where gp3 is 20% cheaper. */
public final class Gp3Volume implements FinOpsRule {

  @Override public String id() { return "Gp3Volume"; }

  @Override public String info() { return "A gp2 volume where gp3 is cheaper."; }

  @Override public String explanation() {
    return "gp3 costs 20% less per GB than gp2 and includes 3,000 IOPS and 125 MB/s whatever the size; set the"
        + " volume type to gp3 (an in-place change for EBS and RDS).";
  }

  @Override
  public Verdict evaluate(CfnResource resource, FinOpsPolicy.RuleSettings settings) {
    Stack stack = Stack.of(resource);
    if (resource instanceof CfnVolume volume) {
      Object type = stack.resolve(volume.getVolumeType());
      Object size = stack.resolve(volume.getSize());
      // AWS::EC2::Volume defaults to gp2 when no type is given.
      return type == null || "gp2".equals(type) ? gp2(size instanceof Number n ? n.intValue() : 100) : Verdict.COMPLIANT;
    }
    if (resource instanceof CfnDBInstance db) {
      Object type = stack.resolve(db.getStorageType());
      Object size = stack.resolve(db.getAllocatedStorage());
      if (type == null) {
        return Verdict.NOT_APPLICABLE; // RDS picks gp2 or gp3 by engine and size
      }
      return "gp2".equals(type) ? gp2(size == null ? 100 : Integer.parseInt(size.toString())) : Verdict.COMPLIANT;
    }
    Object mappings;
    if (resource instanceof CfnInstance instance) {
      mappings = stack.resolve(instance.getBlockDeviceMappings());
    } else if (resource instanceof CfnLaunchTemplate template
        && stack.resolve(template.getLaunchTemplateData()) instanceof Map<?, ?> data) {
      mappings = data.get("blockDeviceMappings");
    } else {
      return Verdict.NOT_APPLICABLE;
    }
    if (!(mappings instanceof List<?> list) || list.isEmpty()) {
      return Verdict.NOT_APPLICABLE;
    }
    int gp2Gb = 0;
    boolean anyGp2 = false;
    for (Object mapping : list) {
      if (mapping instanceof Map<?, ?> m && m.get("ebs") instanceof Map<?, ?> ebs && "gp2".equals(ebs.get("volumeType"))) {
        anyGp2 = true;
        gp2Gb += ebs.get("volumeSize") instanceof Number n ? n.intValue() : 8;
      }
    }
    return anyGp2 ? gp2(gp2Gb) : Verdict.COMPLIANT;
  }

  private static Verdict gp2(int gb) {
    return Verdict.nonCompliant(Prices.usd(gb * (Prices.EBS_GP2_GB_MONTH - Prices.EBS_GP3_GB_MONTH)) + "/month for "
        + gb + " GB on gp2 instead of gp3");
  }
}
