package org.zhucan.network;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhucan.common.audit.AuditService;
import org.zhucan.common.batch.Batches;
import org.zhucan.common.cache.ReferenceCache;
import org.zhucan.common.error.NotFoundException;
import org.zhucan.common.error.UserError;
import org.zhucan.common.error.UserErrorCode;
import org.zhucan.common.sql.GeneratedKey;
import org.zhucan.security.CurrentUser;

/**
 * The administrative tree. Every logged-in role reads it; ADMIN adds to it: a national ADMIN
 * anywhere, a region's ADMIN (a city's, a district's) below its region only.
 */
@Service
public class RegionService {

    private final RegionMapper regions;
    private final AuditService audit;
    private final Clock clock;
    /**
     * Regions by id and by division code. A region's row never changes once added (no statement
     * updates one), so what is held can only be missing, never stale; nothing absent is held.
     */
    private final ReferenceCache.Shelf<Long, Region> cachedById;
    private final ReferenceCache.Shelf<String, Region> cachedByCode;

    RegionService(RegionMapper regions, AuditService audit, Clock clock, ReferenceCache cache) {
        this.regions = regions;
        this.audit = audit;
        this.clock = clock;
        this.cachedById = cache.shelf("regions", 20_000);
        this.cachedByCode = cache.shelf("regionsByCode", 20_000);
    }

    @Transactional(readOnly = true)
    public List<Region> children(Long parentId) {
        if (parentId == null) {
            return regions.findRoots();
        }
        require(parentId);
        return regions.findChildrenOf(List.of(parentId));
    }

    @Transactional(readOnly = true)
    public Region findByDivisionCode(String divisionCode) {
        return regions.findByDivisionCode(divisionCode);
    }

    @Transactional(readOnly = true)
    public Region find(long id) {
        return regions.findById(id);
    }

    /**
     * {@link #findByDivisionCode} from memory when this instance has read it before: for the
     * counter's writes, which ask for the same few districts all day. Lists keep reading MySQL, so
     * that what they cost never depends on what was read before.
     */
    @Transactional(readOnly = true)
    public Region placeByCode(String divisionCode) {
        return divisionCode == null ? null : cachedByCode.get(divisionCode, regions::findByDivisionCode);
    }

    /** {@link #byIds} from memory where this instance has read them before, as {@link #placeByCode}. */
    @Transactional(readOnly = true)
    public Map<Long, Region> placesOf(Collection<Long> ids) {
        return ids.isEmpty() ? Map.of() : cachedById.getAll(ids, this::readByIds);
    }

    /** The region, or NOT_FOUND. */
    @Transactional(readOnly = true)
    public Region require(long id) {
        Region region = regions.findById(id);
        if (region == null) {
            throw new NotFoundException("Region", id);
        }
        return region;
    }

    @Transactional(readOnly = true)
    public Map<Long, Region> byIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return readByIds(ids);
    }

    private Map<Long, Region> readByIds(Collection<Long> ids) {
        return regions.findByIds(ids).stream().collect(Collectors.toMap(Region::id, Function.identity()));
    }

    /** The children of each given region, by division code; a region without children maps to an empty list. */
    @Transactional(readOnly = true)
    public Map<Long, List<Region>> childrenOf(Collection<Long> parentIds) {
        return Batches.group(parentIds, parentIds.isEmpty() ? List.of() : regions.findChildrenOf(parentIds), Region::parentId);
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public RegionResult create(CreateRegionInput input) {
        Region parent = input.parentId() == null ? null : require(input.parentId());
        Long ownRegionId = CurrentUser.get().regionId();
        if (ownRegionId != null && (parent == null || !parent.path().startsWith(require(ownRegionId).path()))) {
            throw new AccessDeniedException("a region's administrator adds regions within its region only");
        }
        if (!input.level().fitsUnder(parent == null ? null : parent.level())) {
            return RegionResult.failed(UserError.of(UserErrorCode.INVALID_REGION_LEVEL,
                    "A " + input.level() + " cannot sit under " + (parent == null ? "nothing" : "a " + parent.level()),
                    "input", "level"));
        }
        String codeProblem = DivisionCode.problem(input.divisionCode(), input.level(), parent);
        if (codeProblem != null) {
            return RegionResult.failed(UserError.of(UserErrorCode.INVALID_DIVISION_CODE, codeProblem, "input", "divisionCode"));
        }
        if (regions.existsByDivisionCode(input.divisionCode())) {
            return RegionResult.failed(UserError.of(UserErrorCode.DUPLICATE_DIVISION_CODE,
                    "Another region already has division code " + input.divisionCode(), "input", "divisionCode"));
        }
        String path = (parent == null ? "/" : parent.path()) + input.divisionCode() + "/";
        GeneratedKey key = new GeneratedKey();
        regions.insert(key, input.parentId(), input.divisionCode(), input.name().trim(), input.level(), path, clock.instant());
        Region created = regions.findById(key.value());
        audit.record("REGION_CREATED", "Region", created.id(), null, created);
        return new RegionResult(created, List.of());
    }

    public record CreateRegionInput(Long parentId, String divisionCode, @jakarta.validation.constraints.NotBlank String name,
                                    RegionLevel level) {
    }

    public record RegionResult(Region region, List<UserError> userErrors) {
        static RegionResult failed(UserError error) {
            return new RegionResult(null, List.of(error));
        }
    }
}
