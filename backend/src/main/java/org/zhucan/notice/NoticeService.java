package org.zhucan.notice;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhucan.common.error.NotFoundException;
import org.zhucan.common.pagination.Connection;
import org.zhucan.common.pagination.Cursor;
import org.zhucan.common.pagination.PageRequest;
import org.zhucan.security.CurrentUser;
import org.zhucan.security.Role;

/**
 * Notices to a diner's family accounts. A notice is addressed to the diner: every DINER account linked to the
 * diner reads it (also one linked later), and each marks it read for itself. Other features send notices
 * inside their own transaction, so a notice exists exactly when what it tells happened.
 */
@Service
public class NoticeService {

    static final int MAX_TITLE = 128;
    static final int MAX_BODY = 1024;

    private final NoticeMapper mapper;
    private final Clock clock;

    NoticeService(NoticeMapper mapper, Clock clock) {
        this.mapper = mapper;
        this.clock = clock;
    }

    /** A notice to send: to the family of the diner, about what kind of thing, with its text (no ID or phone numbers). */
    public record Draft(long dinerId, NoticeKind kind, String title, String body) {
    }

    /** Sends the notices in one statement, as the actor given (the account whose action they tell of). */
    @Transactional
    public void send(List<Draft> drafts, String actor) {
        if (drafts.isEmpty()) {
            return;
        }
        mapper.insertAll(drafts.stream().map(d -> new NoticeMapper.NewNotice(d.dinerId(), d.kind(), clip(d.title(), MAX_TITLE),
                clip(d.body(), MAX_BODY))).toList(), actor, clock.instant().truncatedTo(ChronoUnit.MICROS));
    }

    /** myNotices: the notices of the diners a DINER account acts for, newest first. */
    @Transactional(readOnly = true)
    public Connection<Notice> myNotices(MyNoticesFilter filter, PageRequest page) {
        CurrentUser user = requireFamily();
        List<Long> dinerIds = user.dinerIds();
        if (filter != null && filter.dinerId() != null) {
            dinerIds = dinerIds.contains(filter.dinerId()) ? List.of(filter.dinerId()) : List.of();
        }
        if (dinerIds.isEmpty()) {
            return Connection.of(List.of(), page, notice -> Cursor.encode(notice.id()), 0);
        }
        boolean unreadOnly = filter != null && Boolean.TRUE.equals(filter.unreadOnly());
        Long beforeId = page.hasAfter() ? Cursor.decodeId(page.after()) : null;
        List<Notice> rows = mapper.findPage(dinerIds, unreadOnly, user.username(), beforeId, page.fetchSize());
        return Connection.of(rows, page, notice -> Cursor.encode(notice.id()), mapper.count(dinerIds, unreadOnly, user.username()));
    }

    /** markNoticeRead: by a DINER account, for a notice of one of its diners (another's is NOT_FOUND). Marking it again changes nothing. */
    @Transactional
    public NoticePayload markRead(MarkNoticeReadInput input) {
        CurrentUser user = requireFamily();
        Notice notice = mapper.findById(input.noticeId(), user.username());
        if (notice == null || !user.dinerIds().contains(notice.dinerId())) {
            throw new NotFoundException("Notice", input.noticeId());
        }
        if (notice.readAt() == null) {
            mapper.markRead(notice.id(), user.username(), clock.instant().truncatedTo(ChronoUnit.MICROS));
        }
        return new NoticePayload(mapper.findById(notice.id(), user.username()), List.of());
    }

    private static CurrentUser requireFamily() {
        CurrentUser user = CurrentUser.get();
        if (!user.roles().contains(Role.DINER)) {
            throw new AccessDeniedException("notices are read by the diners' and families' accounts");
        }
        return user;
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
