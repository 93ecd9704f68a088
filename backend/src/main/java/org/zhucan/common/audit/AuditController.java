package org.zhucan.common.audit;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import org.zhucan.common.pagination.Connection;
import org.zhucan.common.pagination.PageRequest;

@Controller
class AuditController {

    private final AuditService auditService;

    AuditController(AuditService auditService) {
        this.auditService = auditService;
    }

    @QueryMapping
    Connection<AuditEntry> auditLog(@Argument AuditLogFilter filter, @Argument Integer first, @Argument String after) {
        return auditService.auditLog(filter, PageRequest.of(first, after));
    }
}
