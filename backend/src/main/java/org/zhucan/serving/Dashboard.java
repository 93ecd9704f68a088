package org.zhucan.serving;

import java.time.LocalDate;
import java.util.List;

import org.zhucan.common.money.Money;

public record Dashboard(long siteId, LocalDate date, List<SlotServing> slots, int booked, int served, int walkIns, int noShows,
                        Money subsidySoFar) {
}
