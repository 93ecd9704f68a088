package org.zhucan.serving;

import java.util.List;

public record UploadMealRecordsInput(long siteId, List<OfflineMealRecordInput> records) {
}
