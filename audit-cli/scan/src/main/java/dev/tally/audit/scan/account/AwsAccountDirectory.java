package dev.tally.audit.scan.account;

import dev.tally.audit.common.aws.AwsSettings;
import dev.tally.audit.scan.collect.FailedCall;
import dev.tally.audit.scan.model.AuditAccount;
import dev.tally.audit.scan.run.AccountDirectory;
import dev.tally.audit.scan.run.AccountSelection;
import dev.tally.audit.scan.run.AccountSession;
import dev.tally.audit.scan.run.CollectionException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

/**
 * The accounts a scan covers, from AWS: the caller's own account (STS GetCallerIdentity), the {@code --accounts}
 * list, or every active account of the organisation; and a session in each, through
 * {@code arn:aws:iam::<id>:role/<roleName>} when a role name is given.
 *
 * <p>Assumed-role credentials refresh themselves before they expire (long scans outlive the one-hour default), and
 * each account's role is assumed once, eagerly in {@link #open}, so an AccessDenied fails that account only.
 * Close the directory to release the STS clients.
 */
public final class AwsAccountDirectory implements AccountDirectory, AutoCloseable {
    /** Shows in the member account's CloudTrail as who did the scan. */
    static final String SESSION_NAME = "tally-scan";

    private final AccountSelection selection;
    private final AwsSettings callerSettings;
    private final Region homeRegion;
    private final List<AutoCloseable> opened = new ArrayList<>();
    private final Supplier<String> callerAccount;

    public AwsAccountDirectory(AccountSelection selection, AwsSettings callerSettings, String homeRegion) {
        this.selection = selection;
        this.callerSettings = callerSettings;
        this.homeRegion = Region.of(homeRegion);
        this.callerAccount = memoize(this::lookUpCallerAccount);
    }

    @Override
    public List<AuditAccount> accounts() {
        return switch (selection.mode()) {
            case CURRENT -> List.of(AuditAccount.of(callerAccount.get()));
            case LISTED -> selection.accountIds().stream().map(AuditAccount::of).toList();
            case ORGANIZATION -> listOrganization();
        };
    }

    @Override
    public AccountSession open(AuditAccount account) {
        Optional<String> roleName = selection.roleName();
        if (roleName.isEmpty()) {
            if (!account.accountId().equals(callerAccount.get())) {
                throw new CollectionException("Sts", "cannot act in account " + account.accountId()
                        + " with the caller's credentials (they belong to " + callerAccount.get()
                        + "): pass --role-name with a role that exists in every scanned account", null);
            }
            return new AccountSession(account, callerSettings);
        }
        String roleArn = "arn:aws:iam::" + account.accountId() + ":role/" + roleName.get();
        StsClient sts = callerSettings.build(StsClient.builder(), homeRegion);
        StsAssumeRoleCredentialsProvider provider = StsAssumeRoleCredentialsProvider.builder()
                .stsClient(sts)
                .refreshRequest(r -> r.roleArn(roleArn).roleSessionName(SESSION_NAME))
                .build();
        synchronized (opened) {
            opened.add(provider);
            opened.add(sts);
        }
        try {
            provider.resolveCredentials();
        } catch (SdkException e) {
            String code = e instanceof AwsServiceException aws
                    && aws.awsErrorDetails() != null ? aws.awsErrorDetails().errorCode() : "ClientError";
            throw new CollectionException("Sts", code + " on Sts:AssumeRole (" + roleArn + "): "
                    + firstLine(e.getMessage()), e);
        }
        return new AccountSession(account, callerSettings.withCredentials(provider));
    }

    private List<AuditAccount> listOrganization() {
        try (OrganizationsClient organizations = callerSettings.build(OrganizationsClient.builder(), homeRegion)) {
            return new OrganizationAccountLister(organizations).activeAccounts();
        } catch (FailedCall e) {
            throw new CollectionException(e.service(), e.toFailure("-", "global").toScanFailure().message(), e);
        }
    }

    private String lookUpCallerAccount() {
        try (StsClient sts = callerSettings.build(StsClient.builder(), homeRegion)) {
            return new CallerIdentity(sts).accountId();
        } catch (FailedCall e) {
            throw new CollectionException(e.service(), e.toFailure("-", "global").toScanFailure().message(), e);
        }
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }

    private static <T> Supplier<T> memoize(Supplier<T> supplier) {
        return new Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) {
                    value = supplier.get();
                }
                return value;
            }
        };
    }

    @Override
    public void close() {
        List<AutoCloseable> toClose;
        synchronized (opened) {
            toClose = new ArrayList<>(opened);
            opened.clear();
        }
        RuntimeException failure = null;
        for (AutoCloseable closeable : toClose) {
            try {
                closeable.close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = new IllegalStateException("could not close an STS client", e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
