package dev.tally.audit.scan.collect.tagging;

import dev.tally.audit.scan.collect.AwsCall;
import java.util.List;
import software.amazon.awssdk.services.resourcegroupstaggingapi.ResourceGroupsTaggingApiClient;
import software.amazon.awssdk.services.resourcegroupstaggingapi.model.ResourceTagMapping;

/**
 * Reads every resource the Resource Groups Tagging API knows in one region ({@code tag:GetResources}, every page).
 * It returns only resources that have, or once had, tags: never-tagged ones come from the describe calls.
 */
public final class TaggedResourceReader {
    /** The API's maximum page size. */
    static final int PAGE_SIZE = 100;

    private final ResourceGroupsTaggingApiClient tagging;

    public TaggedResourceReader(ResourceGroupsTaggingApiClient tagging) {
        this.tagging = tagging;
    }

    public List<ResourceTagMapping> resources() {
        return AwsCall.named("ResourceGroupsTaggingApi", "GetResources", () ->
                tagging.getResourcesPaginator(r -> r.resourcesPerPage(PAGE_SIZE)).resourceTagMappingList().stream()
                        .toList());
    }
}
