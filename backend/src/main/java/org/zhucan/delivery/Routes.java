package org.zhucan.delivery;

import java.util.ArrayList;
import java.util.List;

/** Routing over positions on the earth: distances and a nearest-neighbour order. */
final class Routes {

    private static final double EARTH_RADIUS_METRES = 6_371_000;

    private Routes() {
    }

    /** A position in degrees. */
    record Point(double latitude, double longitude) {
    }

    /** A stop to route: its key and position. */
    record Place<K>(K key, Point point) {
    }

    /** Great-circle distance in metres (haversine). */
    static double metres(Point a, Point b) {
        double dLat = Math.toRadians(b.latitude() - a.latitude());
        double dLng = Math.toRadians(b.longitude() - a.longitude());
        double h = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(Math.toRadians(a.latitude())) * Math.cos(Math.toRadians(b.latitude())) * Math.sin(dLng / 2) * Math.sin(dLng / 2);
        return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(h)));
    }

    /**
     * Takes up to {@code count} places out of {@code remaining}, nearest first from {@code start} and then from each
     * place taken; ties go to the earlier place, so the same input always gives the same route.
     */
    static <K> List<Place<K>> takeNearest(Point start, List<Place<K>> remaining, int count) {
        List<Place<K>> route = new ArrayList<>();
        Point at = start;
        while (route.size() < count && !remaining.isEmpty()) {
            int nearest = 0;
            for (int i = 1; i < remaining.size(); i++) {
                if (metres(at, remaining.get(i).point()) < metres(at, remaining.get(nearest).point())) {
                    nearest = i;
                }
            }
            Place<K> next = remaining.remove(nearest);
            route.add(next);
            at = next.point();
        }
        return route;
    }
}
