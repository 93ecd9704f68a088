package org.zhucan.notice;

import java.util.List;
import java.util.Map;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import org.zhucan.common.batch.Batches;
import org.zhucan.common.pagination.Connection;
import org.zhucan.common.pagination.PageRequest;
import org.zhucan.diner.Diner;
import org.zhucan.diner.DinerService;

@Controller
class NoticeController {

    private final NoticeService notices;
    private final DinerService dinerService;

    NoticeController(NoticeService notices, DinerService dinerService) {
        this.notices = notices;
        this.dinerService = dinerService;
    }

    @QueryMapping
    Connection<Notice> myNotices(@Argument MyNoticesFilter filter, @Argument Integer first, @Argument String after) {
        return notices.myNotices(filter, PageRequest.of(first, after));
    }

    @MutationMapping
    NoticePayload markNoticeRead(@Argument MarkNoticeReadInput input) {
        return notices.markRead(input);
    }

    @BatchMapping(typeName = "Notice", field = "diner")
    Map<Notice, Diner> diner(List<Notice> list) {
        return Batches.perParent(list, Notice::dinerId, dinerService.byIds(Batches.keys(list, Notice::dinerId)));
    }
}
