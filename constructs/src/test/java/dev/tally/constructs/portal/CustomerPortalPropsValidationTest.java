package dev.tally.constructs.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.ecr.IRepository;
import software.amazon.awscdk.services.ecr.Repository;
import software.amazon.awscdk.services.ecs.ContainerImage;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.s3.StorageClass;

/** Props are checked before anything is synthesized; no template is needed here. */
@DisplayName("CustomerPortalProps validation")
class CustomerPortalPropsValidationTest {

  private static Code code;
  private static IRepository repository;

  @BeforeAll
  static void fixtures() {
    Stack stack = PortalFixtures.newStack();
    code = PortalFixtures.placeholderCode();
    repository = Repository.fromRepositoryName(stack, "Repo", "customer-portal");
  }

  private static CustomerPortalProps.Builder valid() {
    return CustomerPortalProps.builder().ecrRepository(repository).imageTag("1.0.0").importFunctionCode(code);
  }

  private static InvalidCustomerPortalPropsException rejected(UnaryOperator<CustomerPortalProps.Builder> change) {
    return catchThrowableOfType(InvalidCustomerPortalPropsException.class, () -> change.apply(valid()).build());
  }

  private static void assertRejected(UnaryOperator<CustomerPortalProps.Builder> change, String expected) {
    InvalidCustomerPortalPropsException e = rejected(change);
    assertThat(e).as("expected rejection mentioning: " + expected).isNotNull();
    assertThat(e.problems()).hasSize(1);
    assertThat(e.getMessage()).startsWith("CustomerPortalProps invalid: ").contains(expected);
  }

  @Test
  @DisplayName("the defaults are valid; NAT gateways and Multi-AZ follow production")
  void defaultsAreValid() {
    CustomerPortalProps staging = valid().build();
    CustomerPortalProps production = valid().production(true).build();
    assertThat(staging.effectiveNatGateways()).isEqualTo(1);
    assertThat(production.effectiveNatGateways()).isEqualTo(2);
    assertThat(staging.effectiveMultiAz()).isFalse();
    assertThat(production.effectiveMultiAz()).isTrue();
  }

  @Test
  @DisplayName("every problem is reported at once, each naming its prop")
  void allProblemsAtOnce() {
    InvalidCustomerPortalPropsException e = catchThrowableOfType(InvalidCustomerPortalPropsException.class,
        () -> CustomerPortalProps.builder().cpu(300).minTaskCount(1).backupRetention(Duration.days(40)).build());
    assertThat(e.problems()).hasSize(5);
    assertThat(e.getMessage()).contains("the image is required", "cpu must be", "minTaskCount must be",
        "backupRetention must be", "importFunctionCode is required");
  }

  @Test
  @DisplayName("FARGATE_SPOT in production is refused, naming both fargateSpotShare and production")
  void spotInProduction() {
    assertRejected(b -> b.production(true).fargateSpotShare(30),
        "fargateSpotShare must be 0 when production is true");
  }

  @Test
  @DisplayName("FARGATE_SPOT with the ARM64 default is accepted outside production (Spot runs ARM64 on 1.4.0)")
  void spotWithArm64() {
    assertThat(valid().fargateSpotShare(100).build().fargateSpotShare()).isEqualTo(100);
    assertRejected(b -> b.fargateSpotShare(101), "fargateSpotShare must be between 0 and 100");
  }

  @Test
  @DisplayName("the image: one of containerImage or ecrRepository + imageTag, never 'latest'")
  void image() {
    assertRejected(b -> b.ecrRepository(null).imageTag(null), "the image is required");
    assertRejected(b -> b.containerImage(ContainerImage.fromRegistry("x/y:1")), "not both");
    assertRejected(b -> b.imageTag(null), "ecrRepository and imageTag go together");
    assertRejected(b -> b.imageTag("latest"), "imageTag must name a release");
  }

  @Test
  @DisplayName("containerUser must not be root; containerPort must be unprivileged; healthCheckPath a path")
  void container() {
    assertRejected(b -> b.containerUser("root"), "containerUser must be a non-root user");
    assertRejected(b -> b.containerUser("0:0"), "containerUser must be a non-root user");
    assertRejected(b -> b.containerPort(80), "containerPort must be between 1024 and 65535");
    assertRejected(b -> b.healthCheckPath("health"), "healthCheckPath must be a path");
  }

  @Test
  @DisplayName("cpu and memoryLimitMiB must be a Fargate combination")
  void fargateSizes() {
    assertRejected(b -> b.cpu(300), "cpu must be one of");
    assertRejected(b -> b.cpu(512).memoryLimitMiB(512), "memoryLimitMiB must be 1024-4096 MiB in steps of 1024");
    assertRejected(b -> b.cpuArchitecture(null), "cpuArchitecture must not be null");
  }

  @Test
  @DisplayName("task counts: min at least 2, max at least min, the peak floor between them")
  void taskCounts() {
    assertRejected(b -> b.minTaskCount(1), "minTaskCount must be between 2 and 1000");
    assertRejected(b -> b.maxTaskCount(3).minTaskCount(4).peakMinTaskCount(4), "maxTaskCount must be at least");
    assertRejected(b -> b.peakMinTaskCount(11), "peakMinTaskCount must be between minTaskCount (2) and maxTaskCount");
  }

  @Test
  @DisplayName("peak days: start 1-28, end from start to 27")
  void peakDays() {
    assertRejected(b -> b.peakStartDay(0), "peakStartDay must be between 1 and 28");
    assertRejected(b -> b.peakStartDay(5).peakEndDay(4), "peakEndDay must be between peakStartDay (5) and 27");
    assertRejected(b -> b.peakEndDay(28), "peakEndDay must be between peakStartDay (1) and 27");
  }

  @Test
  @DisplayName("scaling targets and minHealthyPercent have ranges")
  void scalingTargets() {
    assertRejected(b -> b.cpuTargetUtilization(95), "cpuTargetUtilization must be between 10 and 90");
    assertRejected(b -> b.requestsPerTarget(0), "requestsPerTarget must be between 1");
    assertRejected(b -> b.minHealthyPercent(40), "minHealthyPercent must be between 50 and 100");
  }

  @Test
  @DisplayName("network: 2-3 zones, a third only with named zones, NAT gateways within the zones")
  void network() {
    assertRejected(b -> b.maxAzs(4), "maxAzs must be between 2 and 3");
    assertRejected(b -> b.maxAzs(3), "maxAzs 3 needs availabilityZones");
    assertRejected(b -> b.natGateways(3), "natGateways must be between 1 and the number of zones (2)");
    assertRejected(b -> b.availabilityZones(List.of("eu-west-1a")), "availabilityZones must name 2 or 3 zones");
    assertThat(valid().availabilityZones(List.of("eu-west-1a", "eu-west-1b", "eu-west-1c")).natGateways(3)
        .build().azCount()).isEqualTo(3);
  }

  @Test
  @DisplayName("webAclArn must be a regional WAFv2 ARN; retentions must be set")
  void loadBalancer() {
    assertRejected(b -> b.webAclArn("arn:aws:wafv2:us-east-1:111122223333:global/webacl/x/y"),
        "webAclArn must be a regional WAFv2 web ACL ARN");
    assertRejected(b -> b.logRetention(null), "logRetention must not be null");
    assertRejected(b -> b.accessLogRetention(Duration.hours(12)), "accessLogRetention must be whole days");
  }

  @Test
  @DisplayName("documents: archive after 30+ whole days, to an archive class, noncurrent versions 1+ days")
  void documents() {
    assertRejected(b -> b.documentsArchiveAfter(Duration.days(20)), "documentsArchiveAfter must be whole days"
        + " between 30");
    assertRejected(b -> b.documentsArchiveClass(StorageClass.INFREQUENT_ACCESS),
        "documentsArchiveClass must be GLACIER_INSTANT_RETRIEVAL, GLACIER (Flexible Retrieval) or DEEP_ARCHIVE");
    assertRejected(b -> b.noncurrentVersionExpiration(Duration.days(0)), "noncurrentVersionExpiration must be");
  }

  @Test
  @DisplayName("database: name, storage, backup retention (1-35 days) and rotation (1-365 days)")
  void database() {
    assertRejected(b -> b.databaseName("1portal"), "databaseName must be");
    assertRejected(b -> b.allocatedStorageGiB(10), "allocatedStorageGiB must be between 20 and 65536");
    assertRejected(b -> b.maxAllocatedStorageGiB(40), "maxAllocatedStorageGiB must be between allocatedStorageGiB");
    assertRejected(b -> b.backupRetention(Duration.days(36)), "backupRetention must be whole days between 1 and 35");
    assertRejected(b -> b.secretRotationInterval(Duration.days(400)), "secretRotationInterval must be");
    assertRejected(b -> b.databaseInstanceType(null), "databaseInstanceType must not be null");
    assertRejected(b -> b.databaseEngineVersion(null), "databaseEngineVersion must not be null");
  }

  @Test
  @DisplayName("import job: code required, day 1-28, hour 0-23, memory and a 60-900 s timeout")
  void importJob() {
    assertRejected(b -> b.importFunctionCode(null), "importFunctionCode is required");
    assertRejected(b -> b.importDayOfMonth(31), "importDayOfMonth must be between 1 and 28");
    assertRejected(b -> b.importHour(24), "importHour must be between 0 and 23");
    assertRejected(b -> b.importMemorySize(64), "importMemorySize must be between 128 and 10240");
    assertRejected(b -> b.importTimeout(Duration.minutes(20)), "importTimeout must be whole seconds between 60 and 900");
  }

  @Test
  @DisplayName("null props are refused by the construct with the same exception")
  void nullProps() {
    assertThatThrownBy(() -> new CustomerPortal(PortalFixtures.newStack(), "Portal", null))
        .isInstanceOf(InvalidCustomerPortalPropsException.class).hasMessageContaining("props are required");
  }
}
