package dev.tally.audit.scan.model;

import java.util.Objects;

/**
 * One grant of a bucket ACL ({@code s3:GetBucketAcl}).
 *
 * @param grantee    the grantee: a group URI ({@link #ALL_USERS}, {@link #AUTHENTICATED_USERS}, log delivery), a
 *                   canonical user id, or an e-mail address
 * @param permission {@code READ}, {@code WRITE}, {@code READ_ACP}, {@code WRITE_ACP} or {@code FULL_CONTROL}
 */
public record AclGrant(String grantee, String permission) {
    /** Everyone, anonymous included. */
    public static final String ALL_USERS = "http://acs.amazonaws.com/groups/global/AllUsers";
    /** Anyone with any AWS account (not just yours): effectively public. */
    public static final String AUTHENTICATED_USERS = "http://acs.amazonaws.com/groups/global/AuthenticatedUsers";

    public AclGrant {
        Objects.requireNonNull(grantee, "grantee");
        Objects.requireNonNull(permission, "permission");
    }

    /** True for a grant to {@link #ALL_USERS} or {@link #AUTHENTICATED_USERS}. */
    public boolean isPublic() {
        return ALL_USERS.equals(grantee) || AUTHENTICATED_USERS.equals(grantee);
    }
}
