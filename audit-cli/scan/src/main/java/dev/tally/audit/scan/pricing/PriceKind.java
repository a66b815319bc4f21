package dev.tally.audit.scan.pricing;

/**
 * What a price is for. The first three (the scan's) are US dollars per hour of their unit. The service kinds after them
 * (used by {@code tally estimate}) hold several usage types each, and the product name states the unit after its last
 * dot: {@code requests.per-million}, {@code duration.gb-second.arm64}, {@code storage.GLACIER_IR.gb-month}.
 */
public enum PriceKind {
    /** An EC2 instance-hour: Linux/UNIX, shared tenancy, on-demand, no pre-installed software. Product = type. */
    EC2_INSTANCE_HOUR,
    /** A load balancer-hour. Product = {@code application}, {@code network}, {@code gateway} or {@code classic}. */
    LOAD_BALANCER_HOUR,
    /**
     * A capacity unit-hour (ALB LCU, NLB NLCU, GWLB GLCU). Product = the load balancer type. Classic bills per GB
     * processed instead; for {@code classic} this holds the price per GB.
     */
    LOAD_BALANCER_CAPACITY_UNIT_HOUR,
    /** AWS Lambda: requests, duration and provisioned concurrency by architecture. */
    LAMBDA,
    /** Amazon API Gateway: REST and HTTP API requests. */
    API_GATEWAY,
    /** Amazon SQS: standard and FIFO requests (64 KB chunks). */
    SQS,
    /** Amazon DynamoDB: on-demand and provisioned capacity, storage, point-in-time recovery, stream reads. */
    DYNAMODB,
    /** Amazon SNS: publishes, deliveries by protocol, SMS by destination country ({@code sms.US.message}). */
    SNS,
    /** Amazon CloudWatch: log ingestion and storage, alarms, dashboards. */
    CLOUDWATCH,
    /** AWS KMS: customer managed keys and requests. */
    KMS,
    /** Amazon S3: storage by class, requests, lifecycle transitions by target class. */
    S3,
    /** AWS CloudTrail: data events and extra copies of management events. */
    CLOUDTRAIL,
    /** AWS Secrets Manager: secrets and API calls. */
    SECRETS_MANAGER,
    /** AWS Fargate (ECS): vCPU and GB hours by architecture, on-demand and Spot. */
    FARGATE,
    /** Amazon RDS: instance hours ({@code instance.postgres.db.t4g.medium.hour}, single-AZ), storage, backup. */
    RDS,
    /** Amazon EKS: cluster hours (standard and extended support). */
    EKS,
    /** Amazon EBS volumes (node group disks). */
    EBS,
    /** Amazon VPC: NAT gateway hours and data, interface endpoint hours and data, public IPv4 addresses. */
    VPC
}
