package org.zhucan.notice;

import java.util.List;

import org.zhucan.common.error.UserError;

/** What markNoticeRead returns: the notice as the caller now sees it. */
public record NoticePayload(Notice notice, List<UserError> userErrors) {
}
