package org.zhucan.common.sql;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface ClusterLockMapper {

    void take(@Param("name") String name);
}
