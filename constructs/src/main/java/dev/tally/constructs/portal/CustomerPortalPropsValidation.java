package dev.tally.constructs.portal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Token;
import software.amazon.awscdk.services.s3.StorageClass;

/**
 * Checks {@link CustomerPortalProps} before anything is synthesized, collecting every problem so the user sees them
 * all at once. Limits are AWS service limits or rules of this design; each message names the prop, the allowed range
 * and the value given.
 */
final class CustomerPortalPropsValidation {

  private static final Pattern WEB_ACL_ARN =
      Pattern.compile("^arn:aws[a-z-]*:wafv2:[a-z0-9-]+:\\d{12}:regional/webacl/[^/]+/[^/]+$");
  private static final Pattern DATABASE_NAME = Pattern.compile("^[A-Za-z][A-Za-z0-9_]{0,62}$");
  private static final Pattern USER = Pattern.compile("^[A-Za-z0-9_.-]+(:[A-Za-z0-9_.-]+)?$");
  private static final Pattern ROOT_USER = Pattern.compile("^(0|root)(:.*)?$");
  /** Fargate's valid memory (MiB) range and step for each CPU value. */
  private static final Map<Integer, int[]> FARGATE_MEMORY = Map.of(
      256, new int[] {512, 2048, 512}, 512, new int[] {1024, 4096, 1024}, 1024, new int[] {2048, 8192, 1024},
      2048, new int[] {4096, 16384, 1024}, 4096, new int[] {8192, 30720, 1024},
      8192, new int[] {16384, 61440, 4096}, 16384, new int[] {32768, 122880, 8192});
  private static final Set<StorageClass> ARCHIVE_CLASSES = Set.of(
      StorageClass.GLACIER_INSTANT_RETRIEVAL, StorageClass.GLACIER, StorageClass.DEEP_ARCHIVE);

  private final List<String> problems = new ArrayList<>();

  private CustomerPortalPropsValidation() {}

  static void requireValid(CustomerPortalProps p) {
    List<String> problems = new CustomerPortalPropsValidation().check(p);
    if (!problems.isEmpty()) {
      throw new InvalidCustomerPortalPropsException(problems);
    }
  }

  private List<String> check(CustomerPortalProps p) {
    checkNetwork(p);
    checkImage(p);
    checkTask(p);
    checkScaling(p);
    checkLoadBalancer(p);
    checkDocuments(p);
    checkDatabase(p);
    checkImportJob(p);
    return problems;
  }

  private void checkNetwork(CustomerPortalProps p) {
    if (p.vpc() != null) {
      return;
    }
    boolean azsValid;
    if (p.availabilityZones() != null) {
      azsValid = p.availabilityZones().size() >= 2 && p.availabilityZones().size() <= 3;
      if (!azsValid) {
        problems.add("availabilityZones must name 2 or 3 zones (was " + p.availabilityZones() + ")");
      }
    } else {
      azsValid = range("maxAzs", p.maxAzs(), 2, 3);
      if (azsValid && p.maxAzs() == 3) {
        problems.add("maxAzs 3 needs availabilityZones (three zone names): without an AWS look-up the CDK can only"
            + " pick a region's first two zones");
        azsValid = false;
      }
    }
    if (p.natGateways() != null && azsValid && (p.natGateways() < 1 || p.natGateways() > p.azCount())) {
      problems.add("natGateways must be between 1 and the number of zones (" + p.azCount() + "): the tasks and the"
          + " import job need egress (was " + p.natGateways() + ")");
    }
  }

  private void checkImage(CustomerPortalProps p) {
    boolean fromRepository = p.ecrRepository() != null || p.imageTag() != null;
    if (fromRepository && p.containerImage() != null) {
      problems.add("give either containerImage or ecrRepository + imageTag, not both");
    } else if (!fromRepository && p.containerImage() == null) {
      problems.add("the image is required: give ecrRepository + imageTag, or containerImage");
    } else if (fromRepository && (p.ecrRepository() == null || p.imageTag() == null || p.imageTag().isBlank())) {
      problems.add("ecrRepository and imageTag go together: give both (was ecrRepository="
          + (p.ecrRepository() == null ? "null" : "set") + ", imageTag=" + p.imageTag() + ")");
    } else if (fromRepository && "latest".equals(p.imageTag())) {
      problems.add("imageTag must name a release, not 'latest': a deployment must say what it runs");
    }
    range("containerPort", p.containerPort(), 1024, 65535);
    if (p.containerUser() == null || !USER.matcher(p.containerUser()).matches()
        || ROOT_USER.matcher(p.containerUser()).matches()) {
      problems.add("containerUser must be a non-root user or uid[:gid] such as 1000:1000 (was "
          + p.containerUser() + ")");
    }
    if (p.healthCheckPath() == null || !p.healthCheckPath().startsWith("/") || p.healthCheckPath().length() > 1024) {
      problems.add("healthCheckPath must be a path starting with '/' (was " + p.healthCheckPath() + ")");
    }
  }

  private void checkTask(CustomerPortalProps p) {
    int[] memory = FARGATE_MEMORY.get(p.cpu());
    if (memory == null) {
      problems.add("cpu must be one of 256, 512, 1024, 2048, 4096, 8192, 16384 CPU units (was " + p.cpu() + ")");
    } else if (p.memoryLimitMiB() < memory[0] || p.memoryLimitMiB() > memory[1]
        || (p.memoryLimitMiB() - memory[0]) % memory[2] != 0) {
      problems.add("memoryLimitMiB must be " + memory[0] + "-" + memory[1] + " MiB in steps of " + memory[2]
          + " for cpu " + p.cpu() + " (was " + p.memoryLimitMiB() + ")");
    }
    notNull("cpuArchitecture", p.cpuArchitecture());
    if (range("fargateSpotShare", p.fargateSpotShare(), 0, 100) && p.fargateSpotShare() > 0 && p.production()) {
      problems.add("fargateSpotShare must be 0 when production is true: a spot interruption drops customers'"
          + " requests; use FARGATE_SPOT outside production only (was " + p.fargateSpotShare() + ")");
    }
  }

  private void checkScaling(CustomerPortalProps p) {
    boolean min = range("minTaskCount", p.minTaskCount(), 2, 1000);
    boolean max = range("maxTaskCount", p.maxTaskCount(), 2, 1000);
    if (min && max && p.maxTaskCount() < p.minTaskCount()) {
      problems.add("maxTaskCount must be at least minTaskCount (" + p.minTaskCount() + ") (was "
          + p.maxTaskCount() + ")");
    } else if (min && max && (p.peakMinTaskCount() < p.minTaskCount() || p.peakMinTaskCount() > p.maxTaskCount())) {
      problems.add("peakMinTaskCount must be between minTaskCount (" + p.minTaskCount() + ") and maxTaskCount ("
          + p.maxTaskCount() + ") (was " + p.peakMinTaskCount() + ")");
    }
    if (range("peakStartDay", p.peakStartDay(), 1, 28)
        && (p.peakEndDay() < p.peakStartDay() || p.peakEndDay() > 27)) {
      problems.add("peakEndDay must be between peakStartDay (" + p.peakStartDay() + ") and 27, so that the day"
          + " after it exists in every month (was " + p.peakEndDay() + ")");
    }
    range("cpuTargetUtilization", p.cpuTargetUtilization(), 10, 90);
    range("requestsPerTarget", p.requestsPerTarget(), 1, 1_000_000);
    range("minHealthyPercent", p.minHealthyPercent(), 50, 100);
  }

  private void checkLoadBalancer(CustomerPortalProps p) {
    if (p.webAclArn() != null && !Token.isUnresolved(p.webAclArn())
        && !WEB_ACL_ARN.matcher(p.webAclArn()).matches()) {
      problems.add("webAclArn must be a regional WAFv2 web ACL ARN"
          + " (arn:aws:wafv2:<region>:<account>:regional/webacl/<name>/<id>) (was " + p.webAclArn() + ")");
    }
    notNull("logRetention", p.logRetention());
    wholeDays("accessLogRetention", p.accessLogRetention(), 1, 36_500);
  }

  private void checkDocuments(CustomerPortalProps p) {
    wholeDays("documentsArchiveAfter", p.documentsArchiveAfter(), 30, 36_500);
    if (p.documentsArchiveClass() == null || !ARCHIVE_CLASSES.contains(p.documentsArchiveClass())) {
      problems.add("documentsArchiveClass must be GLACIER_INSTANT_RETRIEVAL, GLACIER (Flexible Retrieval) or"
          + " DEEP_ARCHIVE (was " + p.documentsArchiveClass() + ")");
    }
    wholeDays("noncurrentVersionExpiration", p.noncurrentVersionExpiration(), 1, 36_500);
  }

  private void checkDatabase(CustomerPortalProps p) {
    notNull("databaseInstanceType", p.databaseInstanceType());
    notNull("databaseEngineVersion", p.databaseEngineVersion());
    if (p.databaseName() == null || !DATABASE_NAME.matcher(p.databaseName()).matches()) {
      problems.add("databaseName must be 1-63 letters, digits or underscores starting with a letter (was "
          + p.databaseName() + ")");
    }
    if (range("allocatedStorageGiB", p.allocatedStorageGiB(), 20, 65_536)
        && (p.maxAllocatedStorageGiB() < p.allocatedStorageGiB() || p.maxAllocatedStorageGiB() > 65_536)) {
      problems.add("maxAllocatedStorageGiB must be between allocatedStorageGiB (" + p.allocatedStorageGiB()
          + ") and 65536 (was " + p.maxAllocatedStorageGiB() + ")");
    }
    wholeDays("backupRetention", p.backupRetention(), 1, 35);
    wholeDays("secretRotationInterval", p.secretRotationInterval(), 1, 365);
  }

  private void checkImportJob(CustomerPortalProps p) {
    if (p.importFunctionCode() == null) {
      problems.add("importFunctionCode is required (e.g. Code.fromAsset(\"functions/target/tally-functions.jar\"))");
    }
    range("importDayOfMonth", p.importDayOfMonth(), 1, 28);
    range("importHour", p.importHour(), 0, 23);
    range("importMemorySize", p.importMemorySize(), 128, 10_240);
    if (p.importTimeout() == null || Token.isUnresolved(p.importTimeout())
        || p.importTimeout().toMilliseconds().longValue() % 1000 != 0
        || p.importTimeout().toSeconds().longValue() < 60 || p.importTimeout().toSeconds().longValue() > 900) {
      problems.add("importTimeout must be whole seconds between 60 and 900 (was "
          + (p.importTimeout() == null ? "null" : p.importTimeout().toHumanString()) + ")");
    }
  }

  private boolean range(String prop, int value, int min, int max) {
    if (value < min || value > max) {
      problems.add(prop + " must be between " + min + " and " + max + " (was " + value + ")");
      return false;
    }
    return true;
  }

  private void notNull(String prop, Object value) {
    if (value == null) {
      problems.add(prop + " must not be null");
    }
  }

  private void wholeDays(String prop, Duration value, long min, long max) {
    if (value == null || Token.isUnresolved(value)) {
      problems.add(prop + " must be a duration in whole days (was " + value + ")");
      return;
    }
    long millis = value.toMilliseconds().longValue();
    long days = millis / 86_400_000L;
    if (millis % 86_400_000L != 0 || days < min || days > max) {
      problems.add(prop + " must be whole days between " + min + " and " + max + " (was " + value.toHumanString()
          + ")");
    }
  }
}
