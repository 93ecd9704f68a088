package org.zhucan.eligibility;

/** Narrows the publicity list to a region's subtree. */
public record PublicityFilter(Long regionId) {
}
