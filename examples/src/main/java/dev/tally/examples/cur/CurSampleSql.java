package dev.tally.examples.cur;

import java.time.YearMonth;
import java.util.List;

/** The SQL that builds the sample CUR: the CUR 2.0 columns Tally reads plus the usual identity and usage columns. */
final class CurSampleSql {
    static final String SCHEMA = """
            CREATE TABLE cur (
              identity_line_item_id VARCHAR,
              bill_bill_type VARCHAR DEFAULT 'Anniversary',
              bill_billing_entity VARCHAR DEFAULT 'AWS',
              bill_invoice_id VARCHAR,
              bill_payer_account_id VARCHAR DEFAULT '110987654321',
              bill_billing_period_start_date TIMESTAMP,
              bill_billing_period_end_date TIMESTAMP,
              line_item_usage_account_id VARCHAR,
              line_item_usage_account_name VARCHAR,
              line_item_line_item_type VARCHAR,
              line_item_usage_start_date TIMESTAMP,
              line_item_usage_end_date TIMESTAMP,
              line_item_product_code VARCHAR,
              line_item_usage_type VARCHAR,
              line_item_operation VARCHAR,
              line_item_resource_id VARCHAR,
              line_item_usage_amount DOUBLE DEFAULT 0,
              line_item_currency_code VARCHAR DEFAULT 'USD',
              line_item_unblended_cost DOUBLE DEFAULT 0,
              line_item_line_item_description VARCHAR,
              pricing_public_on_demand_cost DOUBLE DEFAULT 0,
              product_servicecode VARCHAR,
              product_region_code VARCHAR,
              savings_plan_savings_plan_a_r_n VARCHAR DEFAULT '',
              savings_plan_savings_plan_effective_cost DOUBLE DEFAULT 0,
              savings_plan_total_commitment_to_date DOUBLE DEFAULT 0,
              savings_plan_used_commitment DOUBLE DEFAULT 0,
              savings_plan_amortized_upfront_commitment_for_billing_period DOUBLE DEFAULT 0,
              savings_plan_recurring_commitment_for_billing_period DOUBLE DEFAULT 0,
              reservation_reservation_a_r_n VARCHAR DEFAULT '',
              reservation_effective_cost DOUBLE DEFAULT 0,
              reservation_amortized_upfront_fee_for_billing_period DOUBLE DEFAULT 0,
              reservation_unused_amortized_upfront_fee_for_billing_period DOUBLE DEFAULT 0,
              reservation_unused_recurring_fee DOUBLE DEFAULT 0,
              resource_tags MAP(VARCHAR, VARCHAR)
            )""";

    private static final String SP_ARN = "arn:aws:savingsplans::110987654321:savingsplan/3f1c2a9e-sample";
    private static final String RI_ARN = "arn:aws:rds:eu-west-1:410987654321:ri:tally-sample-ri";

    private CurSampleSql() {
    }

    /**
     * The statements that add one month: usage, then everything derived from it (negations, the Savings Plan fee,
     * tax, support) so the amounts stay consistent with each other.
     *
     * @param index 0 for the first month; later months grow 8% (so month over month has something to show)
     */
    static List<String> month(YearMonth month, int index, int usageRows) {
        String start = "TIMESTAMP '" + month.atDay(1) + " 00:00:00'";
        String end = "TIMESTAMP '" + month.plusMonths(1).atDay(1) + " 00:00:00'";
        String common = start + " AS bill_billing_period_start_date, " + end
                + " AS bill_billing_period_end_date, 'EUINGB" + month.toString().replace("-", "") + "-1' AS bill_invoice_id";
        String growth = String.valueOf(1 + 0.08 * index);
        String usage = """
                INSERT INTO cur BY NAME
                WITH r AS (SELECT i, CAST(hash(i, '%1$s') >> 1 AS BIGINT) AS h FROM range(%2$d) t(i)),
                a AS (SELECT i, h,
                    [ '210987654321', '310987654321', '410987654321', '510987654321' ][1 + h %% 4] AS account,
                    [ 'payments-prod', 'search-prod', 'data-platform', 'shared-services' ][1 + h %% 4] AS account_name,
                    [ 'AmazonEC2', 'AmazonRDS', 'AmazonS3', 'AWSLambda', 'AmazonDynamoDB', 'AmazonCloudWatch', 'AmazonEKS' ][1 + (h // 4) %% 7] AS product,
                    [ 1.0, 0.8, 0.2, 0.05, 0.3, 0.1, 0.5 ][1 + (h // 4) %% 7] AS weight,
                    [ 'payments', 'search', 'data', 'platform' ][1 + CASE WHEN (h // 64) %% 5 = 0 THEN (h // 320) %% 4 ELSE h %% 4 END] AS team,
                    (h // 2048) %% 9 = 0 AS untagged,
                    [ 'prod', 'prod', 'staging' ][1 + (h // 8192) %% 3] AS env,
                    (h // 32768) %% 3 = 0 AS sp_covered,
                    CAST((h // 131072) %% 28 AS INTEGER) AS day
                  FROM r)
                SELECT
                  '%1$s-u' || lpad(CAST(i AS VARCHAR), 6, '0') AS identity_line_item_id,
                  %3$s,
                  account AS line_item_usage_account_id, account_name AS line_item_usage_account_name,
                  CASE WHEN product = 'AmazonEC2' AND sp_covered THEN 'SavingsPlanCoveredUsage' ELSE 'Usage' END
                    AS line_item_line_item_type,
                  %4$s + to_days(day) AS line_item_usage_start_date, %4$s + to_days(day + 1) AS line_item_usage_end_date,
                  product AS line_item_product_code, product AS product_servicecode, 'eu-west-1' AS product_region_code,
                  'EU-' || product || '-Usage' AS line_item_usage_type, 'Run' AS line_item_operation,
                  lower(product) || '-' || (h %% 50) AS line_item_resource_id,
                  round(((h // 1000000) %% 5000) / 100.0 * weight * %5$s, 6) AS line_item_unblended_cost,
                  round(((h // 1000000) %% 5000) / 100.0 * weight * %5$s, 6) AS pricing_public_on_demand_cost,
                  CASE WHEN product = 'AmazonEC2' AND sp_covered
                    THEN round(((h // 1000000) %% 5000) / 100.0 * weight * %5$s * 0.72, 6) ELSE 0 END
                    AS savings_plan_savings_plan_effective_cost,
                  CASE WHEN product = 'AmazonEC2' AND sp_covered THEN '%6$s' ELSE '' END AS savings_plan_savings_plan_a_r_n,
                  CASE WHEN untagged THEN MAP {}::MAP(VARCHAR, VARCHAR)
                       ELSE MAP {'user_team': team, 'user_env': env} END AS resource_tags
                FROM a""".formatted(month, usageRows, common, start, growth, SP_ARN);
        String where = " WHERE bill_billing_period_start_date = " + start;
        String negations = """
                INSERT INTO cur BY NAME
                SELECT replace(identity_line_item_id, '-u', '-n') AS identity_line_item_id, bill_invoice_id,
                  bill_billing_period_start_date, bill_billing_period_end_date, line_item_usage_account_id,
                  line_item_usage_account_name, 'SavingsPlanNegation' AS line_item_line_item_type,
                  line_item_usage_start_date, line_item_usage_end_date, line_item_product_code, product_servicecode,
                  product_region_code, line_item_usage_type, line_item_operation, line_item_resource_id,
                  -line_item_unblended_cost AS line_item_unblended_cost, savings_plan_savings_plan_a_r_n, resource_tags
                FROM cur""" + where + " AND line_item_line_item_type = 'SavingsPlanCoveredUsage'";
        String spFee = """
                INSERT INTO cur BY NAME
                SELECT '%1$s-spfee' AS identity_line_item_id, %2$s, '110987654321' AS line_item_usage_account_id,
                  'management' AS line_item_usage_account_name, 'SavingsPlanRecurringFee' AS line_item_line_item_type,
                  bill_billing_period_start_date, bill_billing_period_end_date,
                  bill_billing_period_start_date AS line_item_usage_start_date,
                  bill_billing_period_end_date AS line_item_usage_end_date,
                  'ComputeSavingsPlans' AS line_item_product_code, 'ComputeSavingsPlans' AS product_servicecode,
                  'ComputeSP:1yrNoUpfront' AS line_item_usage_type, '%3$s' AS savings_plan_savings_plan_a_r_n,
                  2000.0 AS line_item_unblended_cost,
                  2000.0 AS savings_plan_total_commitment_to_date,
                  2000.0 AS savings_plan_recurring_commitment_for_billing_period,
                  round(least(used, 2000.0), 6) AS savings_plan_used_commitment,
                  MAP {}::MAP(VARCHAR, VARCHAR) AS resource_tags
                FROM (SELECT any_value(bill_billing_period_start_date) AS bill_billing_period_start_date,
                        any_value(bill_billing_period_end_date) AS bill_billing_period_end_date,
                        sum(savings_plan_savings_plan_effective_cost) AS used
                      FROM cur %4$s AND line_item_line_item_type = 'SavingsPlanCoveredUsage')""".formatted(month,
                "'EUINGB" + month.toString().replace("-", "") + "-1' AS bill_invoice_id", SP_ARN, where);
        String reservation = """
                INSERT INTO cur BY NAME
                SELECT * FROM (VALUES
                  ('%1$s-ri-usage', 'DiscountedUsage', 0.0, 410.0, 0.0, 0.0, 'EU-InstanceUsage:db.r6g.large'),
                  ('%1$s-ri-fee', 'RIFee', 180.0, 0.0, 12.5, 6.0, 'EU-HeavyUsage:db.r6g.large')
                  %2$s
                ) t(identity_line_item_id, line_item_line_item_type, line_item_unblended_cost,
                    reservation_effective_cost, reservation_unused_amortized_upfront_fee_for_billing_period,
                    reservation_unused_recurring_fee, line_item_usage_type)
                """.formatted(month, index == 0
                ? ", ('" + month + "-ri-upfront', 'Fee', 2400.0, 0.0, 0.0, 0.0, 'EU-HeavyUsage:db.r6g.large')" : "");
        String reservationFill = "UPDATE cur SET line_item_usage_account_id = '410987654321', "
                + "line_item_usage_account_name = 'data-platform', line_item_product_code = 'AmazonRDS', "
                + "product_servicecode = 'AmazonRDS', reservation_reservation_a_r_n = '" + RI_ARN + "', "
                + "bill_billing_period_start_date = " + start + ", bill_billing_period_end_date = " + end + ", "
                + "bill_invoice_id = 'EUINGB" + month.toString().replace("-", "") + "-1', "
                + "resource_tags = CASE WHEN line_item_line_item_type = 'DiscountedUsage' "
                + "THEN MAP {'user_team': 'data', 'user_env': 'prod'} ELSE MAP {}::MAP(VARCHAR, VARCHAR) END "
                + "WHERE identity_line_item_id LIKE '" + month + "-ri-%'";
        String tax = """
                INSERT INTO cur BY NAME
                SELECT '%1$s-tax-' || line_item_usage_account_id || '-' || line_item_product_code AS identity_line_item_id,
                  any_value(bill_invoice_id) AS bill_invoice_id, any_value(bill_billing_period_start_date)
                  AS bill_billing_period_start_date, any_value(bill_billing_period_end_date) AS bill_billing_period_end_date,
                  line_item_usage_account_id, any_value(line_item_usage_account_name) AS line_item_usage_account_name,
                  'Tax' AS line_item_line_item_type, line_item_product_code,
                  round(sum(line_item_unblended_cost) * 0.08, 2) AS line_item_unblended_cost,
                  MAP {}::MAP(VARCHAR, VARCHAR) AS resource_tags
                FROM cur %2$s AND line_item_line_item_type IN ('Usage', 'SavingsPlanCoveredUsage', 'SavingsPlanNegation')
                GROUP BY line_item_usage_account_id, line_item_product_code""".formatted(month, where);
        String support = """
                INSERT INTO cur BY NAME
                SELECT '%1$s-support' AS identity_line_item_id, %2$s, '110987654321' AS line_item_usage_account_id,
                  'management' AS line_item_usage_account_name, 'Fee' AS line_item_line_item_type,
                  'AWSSupportBusiness' AS line_item_product_code, 'AWSSupportBusiness' AS product_servicecode,
                  'Dollar' AS line_item_usage_type, 'AWS Support (Business)' AS line_item_line_item_description,
                  round(greatest(100.0, sum(line_item_unblended_cost) * 0.10), 2) AS line_item_unblended_cost,
                  MAP {}::MAP(VARCHAR, VARCHAR) AS resource_tags
                FROM cur %3$s AND line_item_line_item_type NOT IN ('Tax', 'Fee')""".formatted(month,
                common, where);
        String adjustment = index == 0
                ? "INSERT INTO cur BY NAME SELECT '" + month + "-refund' AS identity_line_item_id, " + common
                        + ", '310987654321' AS line_item_usage_account_id, 'search-prod' AS line_item_usage_account_name,"
                        + " 'Refund' AS line_item_line_item_type, 'AmazonS3' AS line_item_product_code,"
                        + " -12.34 AS line_item_unblended_cost,"
                        + " MAP {'user_team': 'search', 'user_env': 'prod'} AS resource_tags"
                : "INSERT INTO cur BY NAME SELECT '" + month + "-credit' AS identity_line_item_id, " + common
                        + ", '210987654321' AS line_item_usage_account_id, 'payments-prod' AS line_item_usage_account_name,"
                        + " 'Credit' AS line_item_line_item_type, 'AmazonEC2' AS line_item_product_code,"
                        + " -150.0 AS line_item_unblended_cost, 'AWS Promotional credit' AS line_item_line_item_description,"
                        + " MAP {}::MAP(VARCHAR, VARCHAR) AS resource_tags";
        return List.of(usage, negations, spFee, reservation, reservationFill, tax, support, adjustment);
    }
}
