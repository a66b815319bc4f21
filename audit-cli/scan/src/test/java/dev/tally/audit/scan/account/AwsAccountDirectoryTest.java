package dev.tally.audit.scan.account;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.tally.audit.scan.collect.wire.WireMockAws.json;
import static dev.tally.audit.scan.collect.wire.WireMockAws.json11;
import static dev.tally.audit.scan.collect.wire.WireMockAws.query;
import static dev.tally.audit.scan.collect.wire.WireMockAws.xml;
import static dev.tally.audit.scan.collect.wire.WireMockAws.xmlError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.tally.audit.common.aws.ApiCallLedger;
import dev.tally.audit.scan.collect.wire.WireMockAws;
import dev.tally.audit.scan.model.AuditAccount;
import dev.tally.audit.scan.run.AccountSelection;
import dev.tally.audit.scan.run.CollectionException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Accounts from STS and Organizations (awsQuery and JSON 1.1) and sessions through AssumeRole")
class AwsAccountDirectoryTest {
    private final WireMockServer server = WireMockAws.server();
    private final ApiCallLedger ledger = new ApiCallLedger();

    @BeforeEach
    void start() {
        server.start();
        server.stubFor(query("GetCallerIdentity").willReturn(xml("sts/get-caller-identity.xml")));
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private AwsAccountDirectory directory(AccountSelection selection) {
        return new AwsAccountDirectory(selection, WireMockAws.settings(server, ledger, 2), "us-east-1");
    }

    @Test
    @DisplayName("by default the scan covers the caller's own account, from GetCallerIdentity")
    void currentAccount() {
        try (AwsAccountDirectory directory = directory(AccountSelection.current())) {
            assertThat(directory.accounts()).containsExactly(AuditAccount.of("111122223333"));
            var session = directory.open(AuditAccount.of("111122223333"));
            assertThat(session.accountId()).isEqualTo("111122223333");
        }
        assertThat(ledger.calls("Sts", "GetCallerIdentity")).isEqualTo(1);
    }

    @Test
    @DisplayName("--organization lists ACTIVE accounts across ListAccounts pages, skipping closed ones")
    void organization() {
        server.stubFor(json("AWSOrganizationsV20161128.ListAccounts").withRequestBody(equalToJson("{\"MaxResults\":20}"))
                .willReturn(json11("organizations/list-accounts-page1.json")));
        server.stubFor(json("AWSOrganizationsV20161128.ListAccounts")
                .withRequestBody(containing("AAQAAAAAAAAAAXampleNextToken"))
                .willReturn(json11("organizations/list-accounts-page2.json")));
        var selection = new AccountSelection(AccountSelection.Mode.ORGANIZATION, List.of(),
                Optional.of("TallyScanReadOnly"));

        try (AwsAccountDirectory directory = directory(selection)) {
            assertThat(directory.accounts()).containsExactly(
                    new AuditAccount("111122223333", "Management"), new AuditAccount("444455556666", "Production"));
        }
        assertThat(ledger.calls("Organizations", "ListAccounts")).isEqualTo(2);
    }

    @Test
    @DisplayName("a session in a member account assumes arn:aws:iam::<id>:role/<roleName> and signs with its keys")
    void assumesRole() {
        server.stubFor(query("AssumeRole").willReturn(xml("sts/assume-role.xml")));
        server.stubFor(query("DescribeRegions").willReturn(xml("ec2/describe-regions.xml")));
        var selection = new AccountSelection(AccountSelection.Mode.LISTED, List.of("444455556666"),
                Optional.of("TallyScanReadOnly"));

        try (AwsAccountDirectory directory = directory(selection)) {
            var session = directory.open(directory.accounts().get(0));
            new dev.tally.audit.scan.collect.AwsInventoryCollector().enabledRegions(session, "us-east-1");
        }
        server.verify(postRequestedFor(urlPathEqualTo("/")).withRequestBody(containing("Action=AssumeRole"))
                .withRequestBody(containing("RoleArn=arn%3Aaws%3Aiam%3A%3A444455556666%3Arole%2FTallyScanReadOnly"))
                .withRequestBody(containing("RoleSessionName=tally-scan")));
        server.verify(postRequestedFor(urlPathEqualTo("/")).withRequestBody(containing("Action=DescribeRegions"))
                .withHeader("Authorization", containing("Credential=ASIAIOSFODNN7EXAMPLE/"))
                .withHeader("X-Amz-Security-Token", containing("IQoJb3JpZ2luX2Vj")));
    }

    @Test
    @DisplayName("AssumeRole denied fails that account only, naming Sts:AssumeRole, the code and the role")
    void assumeRoleDenied() {
        server.stubFor(query("AssumeRole").willReturn(xmlError(403, "sts/error-access-denied.xml")));
        var selection = new AccountSelection(AccountSelection.Mode.LISTED, List.of("777788889999"),
                Optional.of("TallyScanReadOnly"));

        try (AwsAccountDirectory directory = directory(selection)) {
            assertThatThrownBy(() -> directory.open(AuditAccount.of("777788889999")))
                    .isInstanceOfSatisfying(CollectionException.class, e -> {
                        assertThat(e.service()).isEqualTo("Sts");
                        assertThat(e.getMessage()).startsWith("AccessDenied on Sts:AssumeRole")
                                .contains("arn:aws:iam::777788889999:role/TallyScanReadOnly");
                    });
        }
    }

    @Test
    @DisplayName("another account without --role-name is refused with the fix in the message")
    void otherAccountNeedsRole() {
        var selection = new AccountSelection(AccountSelection.Mode.LISTED, List.of("444455556666"), Optional.empty());

        try (AwsAccountDirectory directory = directory(selection)) {
            assertThatThrownBy(() -> directory.open(AuditAccount.of("444455556666")))
                    .isInstanceOf(CollectionException.class)
                    .hasMessageContaining("--role-name");
        }
    }
}
