package dev.tally.constructs.defaults;

import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationLoadBalancerProps;
import software.amazon.awscdk.services.elasticloadbalancingv2.SslPolicy;

/** Default props for Application Load Balancers. */
public final class LoadBalancerDefaults {

  /** TLS 1.3 and 1.2 with forward-secret ciphers only: ELB's current recommended policy. */
  public static final SslPolicy TLS_POLICY = SslPolicy.RECOMMENDED_TLS;

  private LoadBalancerDefaults() {}

  /**
   * An internet-facing ALB that drops requests with invalid header fields (request-smuggling defence) and uses
   * HTTP/2. The caller sets VPC, deletion protection and access logs.
   */
  public static ApplicationLoadBalancerProps.Builder internetFacingProps() {
    return ApplicationLoadBalancerProps.builder()
        .internetFacing(true)
        .dropInvalidHeaderFields(true)
        .http2Enabled(true);
  }
}
