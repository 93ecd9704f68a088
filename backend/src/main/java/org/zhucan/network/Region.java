package org.zhucan.network;

/**
 * A node of the administrative tree.
 *
 * @param path the division codes from the root down, e.g. {@code /410371000000/410371101000/}; a
 *     region's subtree is every region whose path starts with it
 */
public record Region(long id, Long parentId, String divisionCode, String name, RegionLevel level, String path) {
}
