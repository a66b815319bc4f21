package dev.tally.audit.scan.collect.wire;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A WireMock extension answering {@code GetMetricData} from a {@link MetricSource} (a stub cannot echo 500 query
 * ids back), and remembering how many queries each call carried so tests can check the batching.
 */
public final class GetMetricDataTransformer implements ResponseDefinitionTransformerV2 {
    public static final String NAME = "get-metric-data";
    private final CloudWatchQueryResponses responses;
    private final List<Integer> queriesPerCall = new CopyOnWriteArrayList<>();

    public GetMetricDataTransformer(WireBodies bodies, MetricSource source, int resultsPerPage) {
        this.responses = new CloudWatchQueryResponses(bodies, source, resultsPerPage);
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        var form = FormBody.parse(serveEvent.getRequest().getBodyAsString());
        queriesPerCall.add(CloudWatchQueryResponses.queries(form).size());
        return new ResponseDefinitionBuilder()
                .withStatus(200)
                .withHeader("Content-Type", "text/xml")
                .withBody(responses.getMetricData(form))
                .build();
    }

    /** Queries carried by each GetMetricData call (every page counts as a call). */
    public List<Integer> queriesPerCall() {
        return List.copyOf(queriesPerCall);
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public String getName() {
        return NAME;
    }
}
