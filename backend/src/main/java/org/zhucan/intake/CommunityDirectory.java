package org.zhucan.intake;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.zhucan.network.Region;
import org.zhucan.network.RegionService;

/**
 * The communities and villages an import may name: those within the importer's region (all for a national
 * administrator), loaded once per job level by level, by name and by 12-digit division code. A code outside the
 * region is looked up once to say so.
 */
final class CommunityDirectory {

    /** A community, or why the row's cells name none the importer may use. */
    record Resolved(Region community, String problem) {
    }

    private final RegionService regions;
    private final String scopePath;
    private final Map<String, List<Region>> byName = new HashMap<>();
    private final Map<String, Region> byCode = new HashMap<>();
    private final Map<String, Region> outside = new HashMap<>();

    CommunityDirectory(RegionService regions, Long scopeRegionId) {
        this.regions = regions;
        List<Region> level;
        if (scopeRegionId == null) {
            this.scopePath = null;
            level = regions.children(null);
        } else {
            Region scope = regions.require(scopeRegionId);
            this.scopePath = scope.path();
            level = List.of(scope);
        }
        while (!level.isEmpty()) {
            List<Region> next = new ArrayList<>();
            List<Long> parents = new ArrayList<>();
            for (Region region : level) {
                if (region.level().isCommunity()) {
                    byName.computeIfAbsent(region.name(), name -> new ArrayList<>()).add(region);
                    byCode.put(region.divisionCode(), region);
                } else {
                    parents.add(region.id());
                }
            }
            regions.childrenOf(parents).values().forEach(next::addAll);
            level = next;
        }
    }

    boolean inScope(String path) {
        return scopePath == null || path.startsWith(scopePath);
    }

    Resolved resolve(String name, String code) {
        if (code != null) {
            if (!code.matches("[0-9]{12}")) {
                return new Resolved(null, "A division code has 12 digits");
            }
            Region region = byCode.get(code);
            if (region == null) {
                Region elsewhere = outside.computeIfAbsent(code, regions::findByDivisionCode);
                if (elsewhere == null) {
                    return new Resolved(null, "No region has this division code");
                }
                if (!elsewhere.level().isCommunity()) {
                    return new Resolved(null, "The division code is not a community's or a village's");
                }
                return new Resolved(null, "The community is outside your region");
            }
            if (name != null && !name.equals(region.name())) {
                return new Resolved(null, "The community's name does not match its division code");
            }
            return new Resolved(region, null);
        }
        if (name == null) {
            return new Resolved(null, "A community (社区 or 社区代码) is required");
        }
        List<Region> named = byName.getOrDefault(name, List.of());
        if (named.isEmpty()) {
            return new Resolved(null, "No community or village of this name in your region");
        }
        if (named.size() > 1) {
            return new Resolved(null, "Several communities have this name in your region; give 社区代码");
        }
        return new Resolved(named.get(0), null);
    }
}
