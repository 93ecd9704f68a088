package org.zhucan.network;


/** A site near a point, with its distance: the mini-program's canteens near me. */
public record NearbySite(Site site, int distanceMeters) {
}
