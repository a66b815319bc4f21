package dev.tally.audit.scan.model;

/**
 * Names resource types as {@code service:type}, the form the tag policy uses for applicability, derived from an ARN.
 */
public final class ResourceTypes {
    private ResourceTypes() {
    }

    /**
     * {@code arn:aws:ec2:r:a:instance/i-1} gives {@code ec2:instance}; {@code arn:aws:s3:::b} gives {@code s3:bucket};
     * {@code arn:aws:elasticloadbalancing:r:a:loadbalancer/app/n/id} gives {@code elasticloadbalancing:loadbalancer};
     * {@code arn:aws:sqs:r:a:queue-name} gives {@code sqs:} plus nothing, i.e. {@code sqs}.
     */
    public static String ofArn(String arn) {
        String[] parts = arn.split(":", 6);
        if (parts.length < 6) {
            return "unknown";
        }
        String service = parts[2];
        String resource = parts[5];
        if ("s3".equals(service) && !resource.contains("/") && parts[4].isEmpty()) {
            return "s3:bucket";
        }
        int cut = indexOfAny(resource);
        if (cut < 0) {
            return service;
        }
        return service + ":" + resource.substring(0, cut);
    }

    private static int indexOfAny(String resource) {
        int slash = resource.indexOf('/');
        int colon = resource.indexOf(':');
        if (slash < 0) {
            return colon;
        }
        return colon < 0 ? slash : Math.min(slash, colon);
    }
}
