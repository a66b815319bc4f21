package dev.tally.constructs.compliance;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import java.util.ArrayList;
import java.util.List;
import software.constructs.IConstruct;
import software.constructs.MetadataEntry;

/**
 * Where constructs record the nag findings they accept about their own design. Each suppression is applied with
 * cdk-nag (to the construct and its children, as {@code NagSuppressions.addResourceSuppressions} does) and recorded
 * as node metadata of type {@value #METADATA_TYPE}, so that {@link ComplianceGate} finds every one of them and
 * checks its expiry, that it still fires (stale) and that it covers one resource (over-broad), as it does for the
 * suppression file.
 */
public final class DesignSuppressions {

  /** Node metadata type of a recorded design suppression. */
  public static final String METADATA_TYPE = "tally:design-suppression";

  private DesignSuppressions() {}

  /** Suppresses each finding on {@code scope} and its children, recording it for the gate. */
  public static void add(IConstruct scope, DesignSuppression... suppressions) {
    List<NagPackSuppression> nag = new ArrayList<>();
    for (DesignSuppression suppression : suppressions) {
      NagPackSuppression.Builder builder = NagPackSuppression.builder()
          .id(suppression.rule()).reason(suppression.reviewedReason());
      if (!suppression.appliesTo().isEmpty()) {
        builder.appliesTo(List.copyOf(suppression.appliesTo()));
      }
      nag.add(builder.build());
      scope.getNode().addMetadata(METADATA_TYPE, suppression.toMetadata());
    }
    NagSuppressions.addResourceSuppressions(scope, nag, true);
  }

  /** The design suppressions recorded on {@code construct} itself (not its children). */
  public static List<DesignSuppression> on(IConstruct construct) {
    List<DesignSuppression> found = new ArrayList<>();
    for (MetadataEntry entry : construct.getNode().getMetadata()) {
      if (METADATA_TYPE.equals(entry.getType())) {
        found.add(DesignSuppression.fromMetadata(entry.getData()));
      }
    }
    return found;
  }
}
