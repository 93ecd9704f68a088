package org.zhucan.network;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.zhucan.common.sql.GeneratedKey;

@Mapper
interface RegionMapper {

    Region findById(@Param("id") long id);

    Region findByDivisionCode(@Param("divisionCode") String divisionCode);

    List<Region> findByIds(@Param("ids") Collection<Long> ids);

    List<Region> findRoots();

    /** The children of every given parent, by division code. */
    List<Region> findChildrenOf(@Param("parentIds") Collection<Long> parentIds);

    boolean existsByDivisionCode(@Param("divisionCode") String divisionCode);

    void insert(@Param("key") GeneratedKey key, @Param("parentId") Long parentId, @Param("divisionCode") String divisionCode,
                @Param("name") String name, @Param("level") RegionLevel level, @Param("path") String path,
                @Param("createdAt") Instant createdAt);
}
