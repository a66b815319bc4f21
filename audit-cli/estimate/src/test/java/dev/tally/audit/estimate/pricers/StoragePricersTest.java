package dev.tally.audit.estimate.pricers;

import static dev.tally.audit.estimate.Priced.line;
import static dev.tally.audit.estimate.Priced.resource;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tally.audit.estimate.price.ResourceCost;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** S3 storage by class through lifecycle rules, and RDS. */
class StoragePricersTest {
    private static final String DOCUMENTS = """
            {"Resources": {"Documents": {"Type": "AWS::S3::Bucket", "Properties": {
              "LifecycleConfiguration": {"Rules": [{"Id": "archive", "Status": "Enabled",
                "Transitions": [{"StorageClass": "GLACIER_IR", "TransitionInDays": 60}]}]}}}}}""";

    @Test
    @DisplayName("documents move to Glacier IR after 60 days: two months of uploads in STANDARD, the archive in GLACIER_IR")
    void lifecycleTransition() {
        // 40,000 documents a month x 0.5 MB = 20 GB/month; 1.6M archived = 800 GB.
        // STANDARD: 20 GB x 60/30 = 40 GB x $0.023 = 0.92; GLACIER_IR: 800 GB x $0.004 = 3.20;
        // transitions: 40,000 / 1,000 x $0.02 = 0.80; PUT: 40 x $0.005 = 0.20; GET 400,000 / 1,000 x $0.0004 = 0.16.
        // Total $5.28.
        ResourceCost bucket = resource(DOCUMENTS, """
                name: t
                resources:
                  - {type: AWS::S3::Bucket, match: Documents, usage: {newGbPerMonth: 20, newObjectsPerMonth: 40000,
                     storedGb: 800, getRequestsPerMonth: 400000}}
                """, "Documents");
        assertThat(line(bucket, "storage STANDARD")).isEqualByComparingTo("0.92");
        assertThat(line(bucket, "storage GLACIER_IR")).isEqualByComparingTo("3.20");
        assertThat(line(bucket, "lifecycle transitions to GLACIER_IR")).isEqualByComparingTo("0.80");
        assertThat(bucket.monthlyUsd()).isEqualByComparingTo("5.28");
    }

    @Test
    @DisplayName("objects under 128 KB do not transition (S3's default minimum size): the archive stays in STANDARD")
    void smallObjectsStay() {
        // 40,000 documents of about 50 KB = 2 GB a month (average 52 KB < 128 KB): no transition to GLACIER_IR.
        // STANDARD: the 80 GB archive + 2 GB this month = 82 GB x $0.023 = 1.886; PUT 40 x $0.005 = 0.20. $2.09.
        ResourceCost bucket = resource(DOCUMENTS, """
                name: t
                resources:
                  - {type: AWS::S3::Bucket, match: Documents, usage: {newGbPerMonth: 2, newObjectsPerMonth: 40000, storedGb: 80}}
                """, "Documents");
        assertThat(line(bucket, "storage STANDARD")).isEqualByComparingTo("1.89");
        assertThat(bucket.lines()).noneMatch(l -> l.item().contains("GLACIER_IR"));
        assertThat(bucket.monthlyUsd()).isEqualByComparingTo("2.09");
        assertThat(bucket.notes()).anyMatch(n -> n.contains("(52 KB) is under the 128 KB minimum transition size"));
    }

    @Test
    @DisplayName("two transitions and an expiration: each class holds the inflow for its days")
    void twoTransitionsAndExpiration() {
        // 30 GB/month. STANDARD [0,30): 30 GB x 0.023 = 0.69; STANDARD_IA [30,90): 60 GB x 0.0125 = 0.75;
        // GLACIER [90,365): 30 x 275/30 = 275 GB x 0.0036 = 0.99. Transitions: no objects given, $0. Total $2.43.
        ResourceCost bucket = resource("""
                {"Resources": {"B": {"Type": "AWS::S3::Bucket", "Properties": {
                  "LifecycleConfiguration": {"Rules": [{"Status": "Enabled", "ExpirationInDays": 365, "Transitions": [
                    {"StorageClass": "GLACIER", "TransitionInDays": 90},
                    {"StorageClass": "STANDARD_IA", "TransitionInDays": 30}]}]}}}}}""", """
                name: t
                resources:
                  - {type: AWS::S3::Bucket, match: B, usage: {newGbPerMonth: 30}}
                """, "B");
        assertThat(line(bucket, "storage STANDARD_IA")).isEqualByComparingTo("0.75");
        assertThat(line(bucket, "storage GLACIER")).isEqualByComparingTo("0.99");
        assertThat(bucket.monthlyUsd()).isEqualByComparingTo("2.43");
    }

    @Test
    @DisplayName("no lifecycle rule: the stock and this month's uploads stay in STANDARD")
    void noLifecycle() {
        // (100 + 10) GB x $0.023 = $2.53
        ResourceCost bucket = resource("{\"Resources\": {\"B\": {\"Type\": \"AWS::S3::Bucket\", \"Properties\": {}}}}", """
                name: t
                resources:
                  - {type: AWS::S3::Bucket, match: B, usage: {storedGb: 100, newGbPerMonth: 10}}
                """, "B");
        assertThat(bucket.monthlyUsd()).isEqualByComparingTo("2.53");
    }

    @Test
    @DisplayName("RDS PostgreSQL Multi-AZ: instance and storage doubled, backup beyond the allocated storage")
    void rdsMultiAz() {
        // db.t4g.medium $0.065 x 730 h x 2 = 94.90; gp3 100 GB x 2 x $0.115 = 23.00; backup (150 - 100) GB x $0.095 = 4.75.
        // Total $122.65.
        ResourceCost db = resource("""
                {"Resources": {"Db": {"Type": "AWS::RDS::DBInstance", "Properties": {"Engine": "postgres",
                  "DBInstanceClass": "db.t4g.medium", "MultiAZ": true, "AllocatedStorage": "100", "StorageType": "gp3"}}}}""", """
                name: t
                resources:
                  - {type: AWS::RDS::DBInstance, match: Db, usage: {backupGb: 150}}
                """, "Db");
        assertThat(line(db, "db.t4g.medium")).isEqualByComparingTo("94.90");
        assertThat(db.monthlyUsd()).isEqualByComparingTo("122.65");
    }

    @Test
    @DisplayName("RDS single-AZ: one instance, one copy of storage")
    void rdsSingleAz() {
        // db.t4g.micro $0.016 x 730 = 11.68; gp2 20 GB x $0.115 = 2.30. $13.98.
        ResourceCost db = resource("""
                {"Resources": {"Db": {"Type": "AWS::RDS::DBInstance", "Properties": {"Engine": "mysql",
                  "DBInstanceClass": "db.t4g.micro", "AllocatedStorage": "20"}}}}""", "", "Db");
        assertThat(db.monthlyUsd()).isEqualByComparingTo("13.98");
    }

    @Test
    @DisplayName("an Aurora instance is unpriced, not $0")
    void aurora() {
        ResourceCost db = resource("""
                {"Resources": {"Db": {"Type": "AWS::RDS::DBInstance", "Properties": {"Engine": "aurora-postgresql",
                  "DBInstanceClass": "db.r6g.large", "DBClusterIdentifier": "c"}}}}""", "", "Db");
        assertThat(db.status()).isEqualTo(ResourceCost.Status.UNPRICED);
    }
}
