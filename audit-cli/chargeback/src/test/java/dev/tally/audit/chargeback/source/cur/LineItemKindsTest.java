package dev.tally.audit.chargeback.source.cur;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tally.audit.chargeback.model.ChargeKind;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("CUR line item type to charge kind")
class LineItemKindsTest {
    @ParameterizedTest(name = "{0} of {1} is {2}")
    @CsvSource({
        "Usage, AmazonEC2, USAGE",
        "SavingsPlanCoveredUsage, AmazonEC2, DISCOUNTED_USAGE",
        "DiscountedUsage, AmazonRDS, DISCOUNTED_USAGE",
        "SavingsPlanRecurringFee, ComputeSavingsPlans, COMMITMENT_FEE",
        "RIFee, AmazonRDS, COMMITMENT_FEE",
        "SavingsPlanUpfrontFee, ComputeSavingsPlans, FEE",
        "Fee, AmazonRoute53, FEE",
        "Fee, AWSSupportBusiness, SUPPORT",
        "Usage, AWSSupportEnterprise, SUPPORT",
        "Fee, OCBPremiumSupport, SUPPORT",
        "Tax, AWSSupportBusiness, TAX",
        "Credit, AWSSupportBusiness, CREDIT",
        "Tax, AmazonEC2, TAX",
        "Credit, AmazonEC2, CREDIT",
        "Refund, AmazonS3, REFUND",
        "SavingsPlanNegation, AmazonEC2, DISCOUNT",
        "EdpDiscount, AmazonEC2, DISCOUNT",
        "BundledDiscount, AWSLambda, DISCOUNT",
        "SomethingNew, AmazonEC2, OTHER"
    })
    void maps(String type, String product, ChargeKind expected) {
        assertThat(LineItemKinds.kindOf(type, product)).isEqualTo(expected);
    }
}
