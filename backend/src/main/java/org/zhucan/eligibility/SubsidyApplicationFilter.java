package org.zhucan.eligibility;

import java.util.List;

record SubsidyApplicationFilter(List<ApplicationStatus> status, Long dinerId, Long regionId) {
}
