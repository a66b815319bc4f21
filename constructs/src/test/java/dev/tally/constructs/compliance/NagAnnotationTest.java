package dev.tally.constructs.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("NagAnnotation: reading cdk-nag 2.x annotation text")
class NagAnnotationTest {

    @Test
    @DisplayName("a plain finding gives its rule id and info, without the trailing newline cdk-nag adds")
    void plainFinding() {
        assertThat(NagAnnotation.parseFinding("AwsSolutions-SQS3: The SQS queue is not used as a DLQ.\n"))
                .hasValue(new NagAnnotation("AwsSolutions-SQS3", "", "The SQS queue is not used as a DLQ."));
    }

    @Test
    @DisplayName("a granular finding keeps its finding id, shown in brackets")
    void granularFinding() {
        NagAnnotation finding = NagAnnotation.parseFinding(
                "AwsSolutions-IAM5[Resource::<Table.Arn>/index/*]: The IAM entity contains wildcard permissions.").orElseThrow();
        assertThat(finding.ruleId()).isEqualTo("AwsSolutions-IAM5");
        assertThat(finding.findingId()).isEqualTo("Resource::<Table.Arn>/index/*");
        assertThat(finding.qualifiedRuleId()).isEqualTo("AwsSolutions-IAM5[Resource::<Table.Arn>/index/*]");
    }

    @Test
    @DisplayName("a rule that could not evaluate is a CdkNagValidationFailure naming the rule")
    void validationFailure() {
        assertThat(NagAnnotation.parseFinding("CdkNagValidationFailure[Serverless-APIGWStructuredLogging]: 'x' threw"))
                .hasValueSatisfying(f -> assertThat(f.qualifiedRuleId())
                        .isEqualTo("CdkNagValidationFailure[Serverless-APIGWStructuredLogging]"));
    }

    @Test
    @DisplayName("the info line of a suppressed finding names the suppressed rule")
    void suppressed() {
        assertThat(NagAnnotation.parseSuppressed("CdkNagSuppression: AwsSolutions-L1 was triggered but suppressed.\n"))
                .hasValueSatisfying(s -> assertThat(s.ruleId()).isEqualTo("AwsSolutions-L1"));
        assertThat(NagAnnotation.parseSuppressed(
                "CdkNagSuppression[Resource::*]: AwsSolutions-IAM5 was triggered but suppressed."))
                .hasValueSatisfying(s -> {
                    assertThat(s.ruleId()).isEqualTo("AwsSolutions-IAM5");
                    assertThat(s.findingId()).isEqualTo("Resource::*");
                });
        assertThat(NagAnnotation.parseFinding("CdkNagSuppression: AwsSolutions-L1 was triggered but suppressed.")).isEmpty();
    }

    @Test
    @DisplayName("text that is not a nag annotation is not mistaken for one")
    void notNag() {
        assertThat(NagAnnotation.parseFinding("SnapStart only supports published Lambda versions.")).isEmpty();
        assertThat(NagAnnotation.parseSuppressed("AwsSolutions-L1: something")).isEmpty();
    }
}
