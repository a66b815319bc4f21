package dev.tally.audit.chargeback.source.costexplorer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tally.audit.chargeback.model.ChargeKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.DisplayName;

@DisplayName("Cost Explorer RECORD_TYPE to charge kind")
class RecordTypesTest {
    @ParameterizedTest(name = "{0} of {1} is {2}")
    @CsvSource({
        "Usage, Amazon Elastic Compute Cloud - Compute, USAGE",
        "Savings Plan Covered Usage, Amazon Elastic Compute Cloud - Compute, DISCOUNTED_USAGE",
        "Reservation applied usage, Amazon Relational Database Service, DISCOUNTED_USAGE",
        "Recurring reservation fee, Amazon Relational Database Service, COMMITMENT_FEE",
        "Savings Plan Recurring Fee, Savings Plans for AWS Compute usage, COMMITMENT_FEE",
        "Upfront reservation fee, Amazon Relational Database Service, FEE",
        "Support fee, AWS Support (Business), SUPPORT",
        "Usage, AWS Support (Enterprise), SUPPORT",
        "Tax, AWS Support (Business), TAX",
        "Tax, Tax, TAX",
        "Credit, Amazon Simple Storage Service, CREDIT",
        "Refund, Amazon Simple Storage Service, REFUND",
        "Savings Plan Negation, Amazon Elastic Compute Cloud - Compute, DISCOUNT",
        "Enterprise Discount Program Discount, Amazon Elastic Compute Cloud - Compute, DISCOUNT",
        "SavingsPlanCoveredUsage, AmazonEC2, DISCOUNTED_USAGE",
        "Something new, Amazon Elastic Compute Cloud - Compute, OTHER"
    })
    void maps(String recordType, String service, ChargeKind expected) {
        assertThat(RecordTypes.kindOf(recordType, service)).isEqualTo(expected);
    }
}
