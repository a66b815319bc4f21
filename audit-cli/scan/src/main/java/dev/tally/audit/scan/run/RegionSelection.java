package dev.tally.audit.scan.run;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import software.amazon.awssdk.regions.Region;

/**
 * The regions to scan: every region enabled in each account ({@code all}), or a validated list of region codes.
 *
 * @param all     scan every enabled region of each account
 * @param regions the regions named, in order without duplicates (empty when {@code all})
 */
public record RegionSelection(boolean all, List<String> regions) {
    public RegionSelection {
        regions = List.copyOf(regions);
    }

    /** Region codes the SDK knows (every partition), excluding its pseudo-regions such as {@code aws-global}. */
    public static Set<String> knownRegions() {
        return Region.regions().stream().filter(r -> !r.isGlobalRegion()).map(Region::id)
                .filter(id -> !id.contains("global") && !id.startsWith("fips-") && !id.endsWith("-fips"))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * Parses {@code all} or {@code r1,r2}.
     *
     * @throws IllegalArgumentException naming every unknown region
     */
    public static RegionSelection parse(String text) {
        String trimmed = text == null ? "" : text.trim();
        if (trimmed.equalsIgnoreCase("all")) {
            return new RegionSelection(true, List.of());
        }
        Set<String> known = knownRegions();
        Set<String> wanted = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        for (String part : trimmed.split(",")) {
            String region = part.trim().toLowerCase(Locale.ROOT);
            if (region.isEmpty()) {
                continue;
            }
            if (known.contains(region)) {
                wanted.add(region);
            } else {
                unknown.add(part.trim());
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown region" + (unknown.size() == 1 ? " '" : "s '")
                    + String.join("', '", unknown) + "' (use region codes such as us-east-1,eu-west-1, or 'all')");
        }
        if (wanted.isEmpty()) {
            throw new IllegalArgumentException("no region given (use region codes such as us-east-1,eu-west-1, or 'all')");
        }
        return new RegionSelection(false, List.copyOf(wanted));
    }

    @Override
    public String toString() {
        return all ? "all" : String.join(",", regions);
    }
}
