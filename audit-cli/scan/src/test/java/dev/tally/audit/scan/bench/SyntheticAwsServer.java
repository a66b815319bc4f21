package dev.tally.audit.scan.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.tally.audit.scan.bench.SyntheticAccount.SyntheticLoadBalancer;
import dev.tally.audit.scan.collect.wire.CloudWatchQueryResponses;
import dev.tally.audit.scan.collect.wire.FormBody;
import dev.tally.audit.scan.collect.wire.MetricSource;
import dev.tally.audit.scan.collect.wire.WireBodies;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loopback-only fake of the AWS APIs the scan calls, generating a {@link SyntheticAccount}'s responses in each
 * service's real wire format (EC2 and ELB awsQuery XML, CloudWatch awsQuery XML, S3/S3 Control REST XML, Tagging
 * JSON 1.1) with realistic page sizes, after a fixed per-call latency. For the benchmark: WireMock's request
 * journal and matching would dominate the measurement at tens of thousands of calls.
 */
public final class SyntheticAwsServer implements AutoCloseable {
    private static final Pattern SCOPE = Pattern.compile("Credential=[^/]+/\\d{8}/([^/]+)/([^/]+)/aws4_request");
    private static final String EC2_NS = "http://ec2.amazonaws.com/doc/2016-11-15/";
    private static final String ELB2_NS = "http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/";
    private static final String ELB1_NS = "http://elasticloadbalancing.amazonaws.com/doc/2012-06-01/";

    private final SyntheticAccount account;
    private final WireBodies bodies = new WireBodies();
    private final CloudWatchQueryResponses cloudWatch;
    private final HttpServer server;
    private final ExecutorService threads;

    public SyntheticAwsServer(SyntheticAccount account) throws IOException {
        // Without TCP_NODELAY the JDK server's separate header and body writes meet the client's delayed ACK: every
        // response would wait ~40 ms, drowning the latency being measured. Read once, when the server starts.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        this.account = account;
        this.cloudWatch = new CloudWatchQueryResponses(bodies, metrics(), 500);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        this.threads = Executors.newFixedThreadPool(96, runnable -> {
            Thread thread = new Thread(runnable, "synthetic-aws");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    public URI endpoint() {
        return URI.create("http://localhost:" + server.getAddress().getPort());
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    /** Idle instances: every tenth has 1% CPU, the rest 35%; load balancers without listeners see no traffic. */
    private MetricSource metrics() {
        return (namespace, metric, dimensions, stat, start, end, period) -> {
            SortedMap<Instant, Double> points = new TreeMap<>();
            String id = dimensions.values().stream().findFirst().orElse("");
            boolean quiet = id.hashCode() % 10 == 0;
            for (Instant t = start; t.isBefore(end); t = t.plusSeconds(period)) {
                points.put(t, metric.equals("CPUUtilization") ? (quiet ? 1.0 : 35.0) : 1.0e6);
            }
            return points;
        };
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Thread.sleep(account.latencyMillis());
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Matcher scope = SCOPE.matcher(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            String region = scope.find() ? scope.group(1) : "us-east-1";
            String service = scope.group(2);
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            String response;
            String contentType = "text/xml";
            if (target != null) {
                response = taggingPage(region, body);
                contentType = "application/x-amz-json-1.1";
            } else if ("GET".equals(exchange.getRequestMethod())) {
                response = s3(exchange.getRequestURI());
            } else {
                response = query(service, region, FormBody.parse(body));
            }
            byte[] bytes = response.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", contentType);
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            byte[] bytes = ("<ErrorResponse><Error><Code>InternalFailure</Code><Message>" + e
                    + "</Message></Error></ErrorResponse>").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(500, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    private String query(String service, String region, Map<String, String> form) {
        String action = form.get("Action");
        boolean v2 = "2015-12-01".equals(form.get("Version"));
        return switch (service + ":" + action) {
            case "ec2:DescribeInstances" -> describeInstances(region, offset(form.get("NextToken")));
            case "ec2:DescribeRegions" -> describeRegions();
            case "monitoring:GetMetricData" -> cloudWatch.getMetricData(form);
            case "monitoring:GetMetricStatistics" -> cloudWatch.getMetricStatistics(form);
            case "sts:GetCallerIdentity" -> bodies.body("sts/get-caller-identity.xml")
                    .replace("111122223333", account.accountId());
            case "elasticloadbalancing:DescribeLoadBalancers" -> v2
                    ? describeLoadBalancersV2(region, offset(form.get("Marker")))
                    : describeLoadBalancersClassic(region, offset(form.get("Marker")));
            case "elasticloadbalancing:DescribeListeners" -> describeListeners(region, form.get("LoadBalancerArn"));
            case "elasticloadbalancing:DescribeTargetGroups" -> describeTargetGroups(region, offset(form.get("Marker")));
            case "elasticloadbalancing:DescribeTargetHealth" -> bodies.body("elbv2/describe-target-health.xml");
            case "elasticloadbalancing:DescribeInstanceHealth" -> bodies.body("elb/describe-instance-health.xml");
            case "elasticloadbalancing:DescribeTags" -> v2 ? describeTagsV2(form) : describeTagsClassic(form);
            default -> throw new IllegalArgumentException("unsupported " + service + ":" + action);
        };
    }

    private static int offset(String token) {
        return token == null || token.isEmpty() ? 0 : Integer.parseInt(token);
    }

    private String describeInstances(String region, int from) {
        List<String> ids = account.instanceIds(region);
        int to = Math.min(ids.size(), from + 1000);
        StringBuilder items = new StringBuilder();
        for (String id : ids.subList(from, to)) {
            items.append("<item><instanceId>").append(id).append("</instanceId><imageId>ami-0abcdef1234567890</imageId>")
                    .append("<instanceState><code>16</code><name>running</name></instanceState>")
                    .append("<instanceType>m5.large</instanceType><launchTime>2025-01-15T09:30:00.000Z</launchTime>")
                    .append("<placement><availabilityZone>").append(region).append("a</availabilityZone>")
                    .append("<tenancy>default</tenancy></placement><monitoring><state>disabled</state></monitoring>")
                    .append("<tagSet><item><key>team</key><value>t").append(id.hashCode() % 20)
                    .append("</value></item></tagSet><platformDetails>Linux/UNIX</platformDetails></item>");
        }
        return "<DescribeInstancesResponse xmlns=\"" + EC2_NS + "\"><requestId>r</requestId><reservationSet><item>"
                + "<reservationId>r-" + from + "</reservationId><ownerId>" + account.accountId() + "</ownerId>"
                + "<groupSet/><instancesSet>" + items + "</instancesSet></item></reservationSet>"
                + (to < ids.size() ? "<nextToken>" + to + "</nextToken>" : "") + "</DescribeInstancesResponse>";
    }

    private String describeRegions() {
        StringBuilder items = new StringBuilder();
        account.regions().forEach(r -> items.append("<item><regionName>").append(r).append("</regionName>")
                .append("<regionEndpoint>ec2.").append(r).append(".amazonaws.com</regionEndpoint>")
                .append("<optInStatus>opt-in-not-required</optInStatus></item>"));
        return "<DescribeRegionsResponse xmlns=\"" + EC2_NS + "\"><requestId>r</requestId><regionInfo>" + items
                + "</regionInfo></DescribeRegionsResponse>";
    }

    private List<SyntheticLoadBalancer> v2(String region) {
        return account.loadBalancers(region).stream().filter(lb -> !lb.type().equals("classic")).toList();
    }

    private String describeLoadBalancersV2(String region, int from) {
        List<SyntheticLoadBalancer> all = v2(region);
        int to = Math.min(all.size(), from + 400);
        StringBuilder members = new StringBuilder();
        for (SyntheticLoadBalancer lb : all.subList(from, to)) {
            members.append("<member><LoadBalancerArn>").append(lb.arn()).append("</LoadBalancerArn><LoadBalancerName>")
                    .append(lb.name()).append("</LoadBalancerName><CreatedTime>2024-06-01T08:00:00.000Z</CreatedTime>")
                    .append("<State><Code>active</Code></State><Type>").append(lb.type()).append("</Type></member>");
        }
        return "<DescribeLoadBalancersResponse xmlns=\"" + ELB2_NS + "\"><DescribeLoadBalancersResult><LoadBalancers>"
                + members + "</LoadBalancers>" + (to < all.size() ? "<NextMarker>" + to + "</NextMarker>" : "")
                + "</DescribeLoadBalancersResult><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata>"
                + "</DescribeLoadBalancersResponse>";
    }

    private String describeListeners(String region, String arn) {
        boolean has = v2(region).stream().anyMatch(lb -> lb.arn().equals(arn) && lb.hasListener());
        String listener = has ? "<member><LoadBalancerArn>" + arn + "</LoadBalancerArn><Protocol>HTTP</Protocol>"
                + "<Port>80</Port><ListenerArn>" + arn.replace(":loadbalancer/", ":listener/") + "/1</ListenerArn>"
                + "</member>" : "";
        return "<DescribeListenersResponse xmlns=\"" + ELB2_NS + "\"><DescribeListenersResult><Listeners>" + listener
                + "</Listeners></DescribeListenersResult><ResponseMetadata><RequestId>r</RequestId>"
                + "</ResponseMetadata></DescribeListenersResponse>";
    }

    private String describeTargetGroups(String region, int from) {
        List<SyntheticLoadBalancer> all = v2(region);
        int to = Math.min(all.size(), from + 400);
        StringBuilder members = new StringBuilder();
        for (SyntheticLoadBalancer lb : all.subList(from, to)) {
            members.append("<member><TargetGroupArn>").append(lb.targetGroupArn()).append("</TargetGroupArn>")
                    .append("<TargetGroupName>tg-").append(lb.name()).append("</TargetGroupName>")
                    .append("<LoadBalancerArns><member>").append(lb.arn()).append("</member></LoadBalancerArns>")
                    .append("<TargetType>instance</TargetType></member>");
        }
        return "<DescribeTargetGroupsResponse xmlns=\"" + ELB2_NS + "\"><DescribeTargetGroupsResult><TargetGroups>"
                + members + "</TargetGroups>" + (to < all.size() ? "<NextMarker>" + to + "</NextMarker>" : "")
                + "</DescribeTargetGroupsResult><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata>"
                + "</DescribeTargetGroupsResponse>";
    }

    private static String describeTagsV2(Map<String, String> form) {
        StringBuilder members = new StringBuilder();
        for (int n = 1; form.containsKey("ResourceArns.member." + n); n++) {
            members.append("<member><ResourceArn>").append(form.get("ResourceArns.member." + n))
                    .append("</ResourceArn><Tags><member><Key>team</Key><Value>web</Value></member></Tags></member>");
        }
        return "<DescribeTagsResponse xmlns=\"" + ELB2_NS + "\"><DescribeTagsResult><TagDescriptions>" + members
                + "</TagDescriptions></DescribeTagsResult><ResponseMetadata><RequestId>r</RequestId>"
                + "</ResponseMetadata></DescribeTagsResponse>";
    }

    private String describeLoadBalancersClassic(String region, int from) {
        List<SyntheticLoadBalancer> all = account.loadBalancers(region).stream()
                .filter(lb -> lb.type().equals("classic")).toList();
        int to = Math.min(all.size(), from + 400);
        StringBuilder members = new StringBuilder();
        for (SyntheticLoadBalancer lb : all.subList(from, to)) {
            members.append("<member><LoadBalancerName>").append(lb.name()).append("</LoadBalancerName>")
                    .append("<ListenerDescriptions><member><Listener><Protocol>HTTP</Protocol>")
                    .append("<LoadBalancerPort>80</LoadBalancerPort><InstanceProtocol>HTTP</InstanceProtocol>")
                    .append("<InstancePort>80</InstancePort></Listener><PolicyNames/></member></ListenerDescriptions>")
                    .append("<CreatedTime>2019-04-11T20:12:10.180Z</CreatedTime><Scheme>internet-facing</Scheme>")
                    .append("</member>");
        }
        return "<DescribeLoadBalancersResponse xmlns=\"" + ELB1_NS + "\"><DescribeLoadBalancersResult>"
                + "<LoadBalancerDescriptions>" + members + "</LoadBalancerDescriptions>"
                + (to < all.size() ? "<NextMarker>" + to + "</NextMarker>" : "") + "</DescribeLoadBalancersResult>"
                + "<ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></DescribeLoadBalancersResponse>";
    }

    private static String describeTagsClassic(Map<String, String> form) {
        StringBuilder members = new StringBuilder();
        for (int n = 1; form.containsKey("LoadBalancerNames.member." + n); n++) {
            members.append("<member><LoadBalancerName>").append(form.get("LoadBalancerNames.member." + n))
                    .append("</LoadBalancerName><Tags><member><Key>team</Key><Value>legacy</Value></member></Tags>")
                    .append("</member>");
        }
        return "<DescribeTagsResponse xmlns=\"" + ELB1_NS + "\"><DescribeTagsResult><TagDescriptions>" + members
                + "</TagDescriptions></DescribeTagsResult><ResponseMetadata><RequestId>r</RequestId>"
                + "</ResponseMetadata></DescribeTagsResponse>";
    }

    private String taggingPage(String region, String body) {
        Matcher token = Pattern.compile("\"PaginationToken\":\"(\\d+)\"").matcher(body);
        int from = token.find() ? Integer.parseInt(token.group(1)) : 0;
        List<String> ids = account.instanceIds(region);
        int to = Math.min(ids.size(), from + 100);
        StringBuilder mappings = new StringBuilder();
        for (String id : ids.subList(from, to)) {
            if (mappings.length() > 0) {
                mappings.append(',');
            }
            mappings.append("{\"ResourceARN\":\"arn:aws:ec2:").append(region).append(':').append(account.accountId())
                    .append(":instance/").append(id).append("\",\"Tags\":[{\"Key\":\"team\",\"Value\":\"web\"}]}");
        }
        return "{\"PaginationToken\":\"" + (to < ids.size() ? to : "") + "\",\"ResourceTagMappingList\":["
                + mappings + "]}";
    }

    private String s3(URI uri) {
        String path = uri.getPath();
        String query = uri.getRawQuery() == null ? "" : uri.getRawQuery();
        if (path.equals("/v20180820/configuration/publicAccessBlock")) {
            return bodies.body("s3control/get-public-access-block.xml");
        }
        if (path.equals("/")) {
            Matcher token = Pattern.compile("continuation-token=(\\d+)").matcher(query);
            int from = token.find() ? Integer.parseInt(token.group(1)) : 0;
            int to = Math.min(account.buckets(), from + 1000);
            StringBuilder buckets = new StringBuilder();
            for (int i = from; i < to; i++) {
                buckets.append("<Bucket><Name>").append(account.bucketName(i)).append("</Name>")
                        .append("<CreationDate>2021-03-04T10:11:12.000Z</CreationDate><BucketRegion>")
                        .append(account.bucketRegion(i)).append("</BucketRegion></Bucket>");
            }
            return "<ListAllMyBucketsResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Owner><ID>o</ID>"
                    + "</Owner><Buckets>" + buckets + "</Buckets>"
                    + (to < account.buckets() ? "<ContinuationToken>" + to + "</ContinuationToken>" : "")
                    + "</ListAllMyBucketsResult>";
        }
        return switch (query) {
            case "publicAccessBlock" -> bodies.body("s3/get-public-access-block-off.xml");
            case "policyStatus" -> bodies.body("s3/get-bucket-policy-status-public.xml");
            case "acl" -> bodies.body("s3/get-bucket-acl-public-read.xml");
            case "tagging" -> bodies.body("s3/get-bucket-tagging.xml");
            default -> throw new IllegalArgumentException("unsupported S3 request " + uri);
        };
    }
}
